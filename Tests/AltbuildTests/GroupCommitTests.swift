import Testing
import Foundation
import AltbuildSupport
@testable import BuildEngine
@testable import AltbuildCore

/// A finished deck is committed with one sync of the filesystems it wrote to
/// and one fsync of the state log, whatever the number of objects it stored;
/// its record is appended only after that sync, so it never names data that
/// was not on disk; and a no-op that re-hashes touched decks syncs the log once.
@Suite(.serialized) struct GroupCommitTests {
    /// An in-process project with absolute paths (other suites change the
    /// working directory) and review files, as the declared-input tests make it.
    let fixture = DeclaredInputTests()
    var root: String { fixture.root }
    let fm = FileManager.default
    static let decks = 5

    func project() -> Project { fixture.project() }

    var syncer: RecordingSyncer { RecordingSyncer(objectsDirectory: project().store.objectsDirectory) }

    /// Decks with their own captions, so each stores its own description, output, manifest and result.
    func writeDecks() throws {
        for i in 0..<Self.decks {
            try fm.write(IncrementalTests.deck(variant: i, caption: "Caption \(i)"), to: root + "/decks/d\(i).pptx")
        }
    }

    func build(_ syncer: any Syncer, jobs: Int = 2) async throws -> BuildSummary {
        let project = project()
        let inputs = project.targets(try project.discovery.discover([root + "/decks"]))
        let executor = project.executor(state: StateLog(path: project.statePath, syncer: syncer), buildID: makeBuildID())
        return await executor.run(inputs, execution: ExecutionOptions(jobs: jobs)) { _, _, _ in }.summary
    }

    @Test func eachDeckCostsOneFilesystemSyncAndOneLogSyncNotOnePerObject() async throws {
        try writeDecks()
        let syncer = syncer
        let summary = try await build(syncer)
        #expect(summary.built == Self.decks)
        let objects = RecordingSyncer.objectNames(in: project().store.objectsDirectory)
        #expect(objects.count >= 4 * Self.decks, "each deck stored several objects: \(objects.count)")
        #expect(syncer.filesystemSyncs == Self.decks, "\(syncer.events)")
        #expect(syncer.fileSyncs == Self.decks, "\(syncer.events)")
    }

    @Test func everyRecordNamesOnlyObjectsThatASyncBeforeItsAppendCovered() async throws {
        try writeDecks()
        let syncer = syncer
        _ = try await build(syncer)
        let state = StateLog(path: project().statePath)
        let events = syncer.events
        var checked = 0
        for (index, event) in events.enumerated() {
            guard case .file(let target) = event else { continue }
            let record = try #require(state.record(for: target), "\(target)")
            let result = project().actionCache.lookup(BuildExecutor.resultNamespace, record.key)
            let recipe = result.flatMap(project().store.get).flatMap(TargetResult.decode)?.recipe
            let named = Set([result, recipe, record.manifestDigest].compactMap { $0?.hex })
            #expect(named.count == 3)
            let covered = events[..<index].contains { earlier in
                if case .filesystems(let objects) = earlier { return named.isSubset(of: objects) }
                return false
            }
            #expect(covered, "\(target) was appended before a sync covered \(named)")
            checked += 1
        }
        #expect(checked == Self.decks)
    }

    @Test func aNoOpThatRehashesTouchedDecksSyncsTheLogOnceAndNothingElse() async throws {
        try writeDecks()
        #expect(try await build(syncer).built == Self.decks)
        // Same bytes, another mtime: every deck is re-hashed, found unchanged, and its stat recorded again.
        for i in 0..<Self.decks {
            try fm.setAttributes([.modificationDate: Date().addingTimeInterval(-3600)], ofItemAtPath: root + "/decks/d\(i).pptx")
        }
        let syncer = syncer
        let summary = try await build(syncer)
        #expect(summary.upToDate == Self.decks)
        #expect(syncer.filesystemSyncs == 0, "\(syncer.events)")
        #expect(syncer.fileSyncs == 1, "\(syncer.events)")
        let refreshed = StateLog(path: project().statePath).record(for: root + "/decks/d0.pptx")?.inputStatus
        #expect(refreshed == FileStatus(path: root + "/decks/d0.pptx"), "the fresh stat was recorded")
    }

    @Test func aWriteIntoMissingFoldersCreatesThemOnTheRetry() throws {
        let path = root + "/a/b/c/object"
        try FileIO.writeAtomically(Array("bytes".utf8), to: path, durability: .deferred)
        #expect(try FileIO.read(path) == Array("bytes".utf8))
        try FileIO.writeAtomically(Array("again".utf8), to: path, durability: .deferred)
        #expect(try FileIO.read(path) == Array("again".utf8))
        #expect(try fm.contentsOfDirectory(atPath: root + "/a/b/c") == ["object"], "no temp file is left behind")
    }
}
