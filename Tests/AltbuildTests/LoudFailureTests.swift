import Testing
import Foundation

/// Bookkeeping that fails is never silent: a state log that cannot be
/// written (here: a link to /dev/full, which refuses every write with
/// ENOSPC, whoever runs the test) is logged, counted, and fails a deck when
/// its success could not be recorded.
@Suite(.serialized) struct LoudFailureTests {
    @Test func stateWritesThatFailAreLoggedCountedAndFailTheDeck() throws {
        let project = Fixtures.temporaryDirectory()
        let fm = FileManager.default
        try fm.write(IncrementalTests.deck(variant: 1), to: "\(project)/decks/good.pptx")
        try fm.write(Array("not a deck".utf8), to: "\(project)/decks/bad.pptx")
        try fm.createDirectory(atPath: "\(project)/.altbuild", withIntermediateDirectories: true)
        try fm.createSymbolicLink(atPath: "\(project)/.altbuild/state.log", withDestinationPath: "/dev/full")
        let build = try BinaryRunner.run(["build", "decks", "--progress", "none"], in: project)
        #expect(build.status == 1)
        #expect(build.stdout.contains("2 decks: 0 built, 0 restored from cache, 0 up to date, 2 failed"), "\(build.stdout)")
        #expect(build.stdout.contains("2 state writes failed (see the log)"), "\(build.stdout)")
        #expect(build.stderr.contains("could not record the failure of decks/bad.pptx"), "\(build.stderr)")
        #expect(build.stderr.contains("decks/good.pptx: E_WRITE: cannot append to the build state"), "a success that cannot be recorded is a failure: \(build.stderr)")
        let log = try BuildLogs.newest(project)
        #expect(log.contains("\"event\": \"bookkeeping\""), "the failures are in the build log")
    }
}
