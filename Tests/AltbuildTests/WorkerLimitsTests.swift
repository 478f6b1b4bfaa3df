import Testing
import Foundation
import AltbuildSupport
import DeckModel
import BuildEngine
@testable import AltbuildCore

/// The configuration's read limits reach the worker process, which is where
/// decks are read: a lowered limit refuses a deck the defaults accept.
@Suite struct WorkerLimitsTests {
    let root = Fixtures.temporaryDirectory()

    /// `altbuild-worker`, built next to `altbuild`.
    static var worker: String {
        URL(fileURLWithPath: BinaryRunner.binary).deletingLastPathComponent().appendingPathComponent("altbuild-worker").path
    }

    /// Two slides: more than five entries in the archive.
    static let deck = DeckFixture(slides: [.init(shapes: ""), .init(shapes: "")]).bytes()

    static var fiveEntries: ReadLimits {
        var limits = ReadLimits()
        limits.maxEntries = 5
        return limits
    }

    @Test func theWorkerReadsWithTheLimitsItIsGiven() async throws {
        let path = root + "/deck.pptx"
        try FileManager.default.write(Self.deck, to: path)
        func scan(_ limits: ReadLimits) async throws -> ScannedDeck {
            let processor = WorkerDeckProcessor(executable: Self.worker, temporaryDirectory: root, extractMedia: false, limits: limits)
            return try await processor.scan(path, digest: SHA256.hash(Self.deck), cancel: CancelFlag())
        }
        #expect(try await scan(.default).inventory.slides.count == 2)
        let error = await #expect(throws: AltbuildError.self) { try await scan(Self.fiveEntries) }
        #expect(error?.code == .zipTooManyEntries, "\(String(describing: error))")
        #expect(error?.path == path)
    }

    @Test func aProjectHandsItsConfiguredLimitsToItsWorkers() async throws {
        try FileManager.default.write(Self.deck, to: root + "/decks/deck.pptx")
        let configuration = BuildConfiguration(outputDirectory: root + "/out", stateDirectory: root + "/.altbuild",
                                               limits: Self.fiveEntries)
        var project = Project(configuration: configuration, options: BuildOptions(), cacheDirectory: root + "/cache")
        project.isolation = .workers(executable: Self.worker, temporaryDirectory: root, killGrace: 2)
        let inputs = try project.discovery.discover([root + "/decks"])
        let executor = project.executor(state: StateLog(path: project.statePath), buildID: makeBuildID())
        var errors: [AltbuildError] = []
        let result = await executor.run(inputs) { outcome, _, _ in errors += outcome.error.map { [$0] } ?? [] }
        #expect(result.summary.failed == 1)
        #expect(errors.map(\.code) == [.zipTooManyEntries], "\(errors)")
    }

    @Test func theLimitsArgumentIsOneJSONObjectTheWorkerReadsBack() throws {
        let argument = try WorkerMessages.limitsArgument(Self.fiveEntries)
        #expect(!argument.contains(" ") && !argument.contains("\n"))
        #expect(try WorkerMessages.decodeLimits(argument) == Self.fiveEntries)
        #expect(throws: AltbuildError.self) { try WorkerMessages.decodeLimits("{\"maxEntries\":5}") }
    }
}
