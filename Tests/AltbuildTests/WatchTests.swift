import Testing
import Foundation
@testable import BuildEngine
@testable import ProcessSupport

/// `altbuild watch` on the built binary, with real files, inotify or
/// polling, and real signals: an edit is one rebuild of that deck, a burst
/// of writes is one build, the build's own writes set off nothing, and
/// Ctrl+C ends it with status 130, leaving no lock file and no temp folder.
@Suite(.serialized) struct WatchTests {
    let project: String
    let fm = FileManager.default

    init() async throws {
        project = Fixtures.temporaryDirectory()
        for i in 0..<20 { try deck(i) }
    }

    /// Writes deck `i`; `edit` gives it another caption, so other bytes and another description.
    func deck(_ i: Int, edit: Int = 0, folder: String = "decks") throws {
        let caption = edit == 0 ? "Caption number \(i)" : "Caption number \(i), edit \(edit)"
        try fm.write(IncrementalTests.deck(variant: i, caption: caption), to: "\(project)/\(folder)/d\(String(format: "%03d", i)).pptx")
    }

    /// Five decks and a describer command that takes `seconds` per picture,
    /// for builds long enough to act during. It leaves the file `describing`
    /// when it starts: then a build has planned its decks and is at work.
    func slowDescriber(_ seconds: Double) throws {
        for i in 5..<20 { try fm.removeItem(atPath: "\(project)/decks/d\(String(format: "%03d", i)).pptx") }
        try ("#!/bin/sh\ncat > /dev/null\ntouch '\(project)/describing'\nsleep \(seconds)\necho \"A slow description\"\n")
            .write(toFile: "\(project)/slow.sh", atomically: true, encoding: .utf8)
    }

    /// Waits for the slow describer to be at work (remove `describing` first).
    func describing() async -> Bool {
        await waitUntil { fm.fileExists(atPath: "\(project)/describing") }
    }

    /// Starts `altbuild watch decks` (or the project, with `root` nil) and waits for its first build to finish.
    func watch(root: String? = "decks", _ extra: String...) async throws -> SpawnedBinary {
        let watch = try SpawnedBinary(["watch"] + (root.map { [$0] } ?? []) + extra, in: project)
        #expect(await waitUntil { watch.stdout.contains("; Ctrl+C to stop") }, "\(watch.stdout)\(watch.stderr)")
        return watch
    }

    func rebuilt(_ watch: SpawnedBinary) -> [String] {
        watch.stdout.split(separator: "\n").map(String.init).filter { $0.contains(" rebuilt ") }
    }

    /// Waits for the `count`th rebuild line, then a while longer to see that no other follows.
    func expectRebuilds(_ watch: SpawnedBinary, _ count: Int, quietFor: Double = 1.5,
                        sourceLocation: SourceLocation = #_sourceLocation) async throws {
        #expect(await waitUntil { rebuilt(watch).count >= count }, "\(watch.stdout)\(watch.stderr)", sourceLocation: sourceLocation)
        try await Task.sleep(nanoseconds: UInt64(quietFor * 1e9))
        #expect(rebuilt(watch).count == count, "\(watch.stdout)\(watch.stderr)", sourceLocation: sourceLocation)
    }

    /// The build that last recorded each deck.
    func recordedBy() -> [String: String] {
        StateLog(path: "\(project)/.altbuild/state.log").records.mapValues(\.buildID)
    }

    func modified(_ path: String) throws -> Date {
        try fm.modificationDate("\(project)/\(path)")
    }

    /// Ctrl+C: status 130, no lock file, no temp folder, nothing left holding the lock.
    func interrupt(_ watch: SpawnedBinary, sourceLocation: SourceLocation = #_sourceLocation) {
        watch.signal(SIGINT)
        #expect(watch.wait() == 130, "\(watch.stdout)\(watch.stderr)", sourceLocation: sourceLocation)
        #expect(!fm.fileExists(atPath: "\(project)/.altbuild/lock"), sourceLocation: sourceLocation)
        #expect(!fm.fileExists(atPath: "\(project)/.altbuild/tmp"), sourceLocation: sourceLocation)
        #expect(!BuildLock.isHeld(path: "\(project)/.altbuild/lock"), sourceLocation: sourceLocation)
    }

    @Test func editingADeckRebuildsThatDeckOnce() async throws {
        // The whole project, so build/, alt-text/ and .altbuild/ are made inside what is watched;
        // verbose, so that a build with nothing to do says so too.
        let watch = try await watch(root: nil, "-v")
        #expect(watch.stdout.contains(" built 20 of 20 decks (0 failed) in "), "\(watch.stdout)")
        #expect(watch.stdout.contains("watching . (inotify on 2 folders)"), "\(watch.stdout)")
        let first = recordedBy()
        #expect(first.count == 20 && Set(first.values).count == 1)
        let untouched = try modified("build/decks/d006.pptx"), output = try Data(contentsOf: URL(fileURLWithPath: "\(project)/build/decks/d005.pptx"))

        try deck(5, edit: 1)
        try await expectRebuilds(watch, 1)
        // The builds wrote build/, alt-text/ and .altbuild/: none of that set off another, not even one with nothing to do.
        #expect(!watch.stdout.contains("nothing to rebuild"), "\(watch.stdout)")
        // A line per build and the one saying what is watched: no progress lines.
        #expect(watch.stdout.split(separator: "\n").count == 3, "\(watch.stdout)")
        #expect(rebuilt(watch).first?.contains(" rebuilt 1 of 20 decks (0 failed) in ") == true, "\(watch.stdout)")
        let second = recordedBy()
        #expect(second.filter { $0.value != first[$0.key] }.keys.sorted() == ["decks/d005.pptx"], "only the edited deck was built again")
        #expect(try Data(contentsOf: URL(fileURLWithPath: "\(project)/build/decks/d005.pptx")) != output)
        #expect(try modified("build/decks/d006.pptx") == untouched)
        interrupt(watch)
        #expect(try run("status", "decks").status == 0, "the edit is built and recorded")
    }

    @Test func aBurstOfWritesIsOneBuild() async throws {
        let watch = try await watch("--debounce", "1s")
        // Six writes 40 ms apart, made ready first and timed on this thread, so a busy test pool cannot spread them out.
        let versions = (1...6).map { IncrementalTests.deck(variant: 7, caption: "Caption number 7, edit \($0)") }
        for bytes in versions {
            try Data(bytes).write(to: URL(fileURLWithPath: "\(project)/decks/d007.pptx"))
            usleep(40_000)
        }
        try await expectRebuilds(watch, 1)
        interrupt(watch)
        #expect(try run("status", "decks").status == 0, "the last of the writes is the one built")
    }

    @Test func newFoldersAreWatchedAsTheyAppear() async throws {
        let watch = try await watch()
        try deck(30, folder: "decks/new/deeper")
        try await expectRebuilds(watch, 1)
        #expect(rebuilt(watch).last?.contains(" rebuilt 1 of 21 decks ") == true, "\(watch.stdout)")
        let before = recordedBy()
        // Now an edit inside the new folder, which only its own watch can see.
        try deck(30, edit: 1, folder: "decks/new/deeper")
        try await expectRebuilds(watch, 2)
        #expect(recordedBy().filter { $0.value != before[$0.key] }.keys.sorted() == ["decks/new/deeper/d030.pptx"])
        interrupt(watch)
    }

    @Test func inPlaceBuildsDoNotSetThemselvesOff() async throws {
        let watch = try await watch("--in-place")
        try deck(3, edit: 1)
        // The build rewrites decks/d003.pptx itself: that is not a change to build again for.
        try await expectRebuilds(watch, 1, quietFor: 2)
        interrupt(watch)
    }

    @Test func pollingWorksToo() async throws {
        let watch = try await watch("--poll", "--poll-interval", "100ms")
        #expect(watch.stdout.contains("polling every"), "\(watch.stdout)")
        try deck(11, edit: 1)
        try await expectRebuilds(watch, 1)
        try deck(40, folder: "decks/more")
        try await expectRebuilds(watch, 2)
        #expect(rebuilt(watch).last?.contains(" rebuilt 1 of 21 decks ") == true, "\(watch.stdout)")
        try fm.removeItem(atPath: "\(project)/decks/d012.pptx")
        // A deck gone leaves nothing to rebuild: no line.
        try await Task.sleep(nanoseconds: 1_000_000_000)
        #expect(rebuilt(watch).count == 2, "\(watch.stdout)")
        interrupt(watch)
    }

    @Test func ctrlCDuringARebuildStopsItCleanly() async throws {
        try slowDescriber(0.3)
        let watch = try await watch("--describer", "command", "--describer-command", "sh \(project)/slow.sh", "-j", "1")
        try fm.removeItem(atPath: "\(project)/describing")
        for i in 0..<4 { try deck(i, edit: 1) }
        #expect(await describing(), "the rebuild started")
        #expect(BuildLock.isHeld(path: "\(project)/.altbuild/lock"))
        interrupt(watch)
        #expect(rebuilt(watch).last?.hasSuffix("; interrupted") == true, "\(watch.stdout)")
        #expect(watch.stderr.contains("SIGINT received"), "\(watch.stderr)")
    }

    @Test func changesDuringABuildMakeExactlyOneMoreBuild() async throws {
        try slowDescriber(0.5)
        let watch = try await watch("--describer", "command", "--describer-command", "sh \(project)/slow.sh")
        try fm.removeItem(atPath: "\(project)/describing")
        try deck(0, edit: 1)
        #expect(await describing(), "the rebuild started and planned its decks")
        try deck(1, edit: 1)
        try deck(2, edit: 1)
        try deck(1, edit: 2)
        try await expectRebuilds(watch, 2, quietFor: 2)
        #expect(rebuilt(watch).first?.contains(" rebuilt 1 of 5 decks (0 failed)") == true, "\(watch.stdout)")
        #expect(rebuilt(watch).last?.contains(" rebuilt 2 of 5 decks (0 failed)") == true, "\(watch.stdout)")
        interrupt(watch)
        #expect(try run("status", "decks", "--describer", "command", "--describer-command", "sh \(project)/slow.sh").status == 0)
    }

    @Test func sigtermEndsItWith143() async throws {
        let watch = try await watch()
        watch.signal(SIGTERM)
        #expect(watch.wait() == 143, "\(watch.stderr)")
        #expect(!fm.fileExists(atPath: "\(project)/.altbuild/lock"))
    }

    @Test func badDurationsAreUsageErrors() async throws {
        #expect(try run("watch", "decks", "--debounce", "soon").status == 2)
        #expect(try run("watch", "decks", "--poll-interval=-1s").status == 2)
    }

    func run(_ arguments: String...) throws -> BinaryRunner.Result {
        try BinaryRunner.run(arguments, in: project)
    }
}
