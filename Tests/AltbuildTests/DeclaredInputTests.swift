import Testing
import Foundation
import AltbuildSupport
@testable import BuildEngine
@testable import AltbuildCore
import DeckParsing
@testable import OOXML

/// A deck's review file is a second, declared input: the engine stat-caches
/// and hashes it like the deck, it drives rebuilds, `explain` names it, and
/// the build's own rewrite of it does not make the next run stale.
@Suite(.serialized) struct DeclaredInputTests {
    let root = Fixtures.temporaryDirectory()
    let fm = FileManager.default

    func project() -> Project {
        // Absolute paths: other suites change the process's working directory.
        var project = Project(configuration: BuildConfiguration(outputDirectory: root + "/out", stateDirectory: root + "/.altbuild",
                                                                describer: CountingDescriber(model: "m")),
                              options: BuildOptions(), cacheDirectory: root + "/.altbuild/cache")
        project.isolation = .custom(InProcessDeckProcessor(limits: .default))
        project.configuration.reviewDirectory = root + "/alt-text"
        return project
    }

    func targets(_ project: Project) throws -> [DiscoveredInput] {
        project.targets(try project.discovery.discover([root + "/decks"]))
    }

    /// The reason `explain` gives, and the outcome of a build.
    func explainAndBuild() async throws -> (reason: String, status: TargetStatus) {
        let project = project()
        let inputs = try targets(project)
        let executor = project.executor(state: StateLog(path: project.statePath), buildID: makeBuildID())
        let reason = executor.plan(inputs[0]).decision.reason.text
        final class Box: @unchecked Sendable { var status = TargetStatus.failed }  // Written by the report callback, read after run returns.
        let box = Box()
        _ = await executor.run(inputs) { outcome, _, _ in box.status = outcome.status }
        return (reason, box.status)
    }

    @Test func aDeclaredInputDrivesRebuildsAndExplain() async throws {
        try fm.write(IncrementalTests.deck(variant: 1), to: root + "/decks/a.pptx")
        let project = project()
        let review = project.reviewPath(try targets(project)[0])
        let outputPath = project.outputPath(try targets(project)[0])
        #expect(try await explainAndBuild() == ("new: never built", .built))
        #expect(fm.fileExists(atPath: review), "the build wrote the deck's review file")
        #expect(try await explainAndBuild() == ("up to date", .upToDate), "the build's own rewrite is recorded")

        // A person sets the text: exactly this deck rebuilds, and the text is in the output.
        var file = try #require(try ReviewFile.load(review))
        let slot = try #require(file.slots.first { $0.kind == .picture }).slot
        try file.apply(.set("Our new office, seen from the river"), to: slot, path: review)
        try file.save(to: review)
        let changed = try await explainAndBuild()
        #expect(changed.reason.hasPrefix("input \(review) changed (sha256 "), "\(changed.reason)")
        #expect(changed.status == .built)
        let output = try Deck(path: outputPath).inventory().slots.first { $0.kind == .picture }
        #expect(output?.descr == "Our new office, seen from the river")
        #expect(try await explainAndBuild() == ("up to date", .upToDate))

        // Same bytes, new mtime: re-hashed once, found unchanged, recorded again.
        try fm.write(try FileIO.read(review), to: review)
        #expect(try await explainAndBuild() == ("up to date", .upToDate))

        // Gone: the key is the first build's, whose result (review file included) the action cache still has.
        try fm.removeItem(atPath: review)
        #expect(try await explainAndBuild() == ("input \(review) went away", .restored))
        #expect(try ReviewFile.load(review)?.entry(slot)?.state == .generated, "the first build's review file came back with its output")
    }

    /// The review file is written moments before its record, so its stat is
    /// racily clean and a no-op hashes it. Found unchanged, its stat must be
    /// recorded again, or every later no-op hashes it again (seen as a no-op
    /// of 1,000 decks at 2.7 times ninja instead of 1.7).
    @Test func aRacilyCleanDeclaredInputIsRefreshedOnce() async throws {
        try fm.write(IncrementalTests.deck(variant: 1), to: root + "/decks/a.pptx")
        _ = try await explainAndBuild()
        let project = project()
        let input = try targets(project)[0]
        let review = project.reviewPath(input)
        // The deck and its output long written, the review file a moment before its record.
        for (path, age) in [(input.path, -10.0), (project.outputPath(input), -10.0), (review, -5.0)] {
            try fm.setAttributes([.modificationDate: Date(timeIntervalSinceNow: age)], ofItemAtPath: path)
        }
        let state = StateLog(path: project.statePath)
        var record = try #require(state.record(for: input.path))
        let status = try #require(FileStatus(path: review))
        record.inputStatus = FileStatus(path: input.path)
        record.outputStatus = FileStatus(path: project.outputPath(input))
        record.declaredInputs = [DeclaredInput(path: review, digest: record.declaredInputs.first?.digest, status: status)]
        record.statRecordedAt = status.mtimeNanoseconds  // the same second: racily clean
        try state.append(record)

        let racy = project.executor(state: StateLog(path: project.statePath), buildID: "t").plan(input)
        #expect(racy.decision == .upToDate && racy.refreshedRecord != nil, "re-hashed and found unchanged: refresh the stat")
        #expect(try await explainAndBuild() == ("up to date", .upToDate))
        let after = project.executor(state: StateLog(path: project.statePath), buildID: "t").plan(input)
        #expect(after.decision == .upToDate && after.refreshedRecord == nil, "trusted now: nothing read, nothing recorded")
    }

    @Test func recordsKeepTheirDeclaredInputsThroughTheLogAndOldLinesStillRead() throws {
        let status = FileStatus(size: 3, mtimeNanoseconds: 4, ctimeNanoseconds: 5, inode: 6, device: 7)
        var record = TargetRecord(
            target: "d\tx.pptx", status: .succeeded, key: SHA256.hash([1]), inputDigest: SHA256.hash([2]), inputStatus: status,
            statRecordedAt: 9, outputPath: "out/d.pptx", outputDigest: SHA256.hash([3]), outputStatus: status,
            manifestDigest: nil, configuration: "a=b", errorCode: nil, errorMessage: nil, seconds: 0.5,
            buildID: "b", finishedAt: 10)
        record.declaredInputs = [DeclaredInput(path: "d.review\twith tab", digest: SHA256.hash([4]), status: status),
                                 DeclaredInput(path: "absent.review", digest: nil, status: nil)]
        let line = RecordLine.encode(record, configurationID: "1")
        let decoded = Array(line.utf8.dropLast()).withUnsafeBufferPointer { RecordLine.decode($0, configurations: ["1": "a=b"]) }
        #expect(decoded == record)

        // A line from before declared inputs: one field fewer, read with none.
        var old = record
        old.declaredInputs = []
        let fields = line.dropLast().split(separator: "\t", omittingEmptySubsequences: false).dropLast(2).joined(separator: "\t")
        let oldLine = fields + "\t" + RecordLine.checksum(String(fields))
        let oldDecoded = Array(oldLine.utf8).withUnsafeBufferPointer { RecordLine.decode($0, configurations: ["1": "a=b"]) }
        #expect(oldDecoded == old)
    }
}
