import Testing
import Foundation

/// `altbuild build` over a project whose state log it cannot use: it warns,
/// keeps the old file beside a fresh one, rebuilds, and the next build is a no-op.
@Suite(.serialized) struct StateRecoveryCommandTests {
    let project = Fixtures.temporaryDirectory()
    let fm = FileManager.default
    var stateDirectory: String { project + "/.altbuild" }

    init() throws {
        try fm.write(Fixtures.kitchenSink().bytes(), to: "\(project)/talks/intro.pptx")
    }

    func expectRecovery(from bytes: [UInt8], saying reason: String) throws {
        try fm.write(bytes, to: stateDirectory + "/state.log")
        let first = try BinaryRunner.run(["build"], in: project)
        #expect(first.status == 0, "\(first.stdout)\(first.stderr)")
        #expect(first.stderr.contains("warning: the build state .altbuild/state.log \(reason)"), "\(first.stderr)")
        #expect(first.stdout.contains("1 built"), "\(first.stdout)")

        let aside = try fm.contentsOfDirectory(atPath: stateDirectory).filter { $0.hasPrefix("state.log.broken-") }
        #expect(aside.count == 1 && first.stderr.contains(aside.first ?? "-"), "\(aside)")
        #expect(fm.contents(atPath: stateDirectory + "/" + (aside.first ?? "-")) == Data(bytes))
        let logs = try fm.contentsOfDirectory(atPath: stateDirectory + "/logs")
        let logged = try logs.map { try String(contentsOfFile: stateDirectory + "/logs/" + $0, encoding: .utf8) }.joined()
        #expect(logged.contains("state_recovered"))

        let second = try BinaryRunner.run(["build"], in: project)
        #expect(second.status == 0)
        #expect(!second.stderr.contains("warning"), "\(second.stderr)")
        #expect(second.stdout.contains("0 built, 0 restored from cache, 1 up to date"), "\(second.stdout)")
    }

    @Test func garbageIsReportedKeptAndReplaced() throws {
        try expectRecovery(from: Array("\u{0}\u{1}garbage, not a state log\n\u{FF}\n".utf8), saying: "is not an altbuild state log")
    }

    @Test func aNewerFormatIsReportedKeptAndReplaced() throws {
        try expectRecovery(from: Array("# altbuild state v9\nwhatever v9 holds\n".utf8), saying: "was written by a newer altbuild (format v9")
    }

    @Test func readingCommandsWarnAndGcRefusesToGuess() throws {
        _ = try BinaryRunner.run(["build"], in: project)
        let objectsBefore = try fm.subpathsOfDirectory(atPath: stateDirectory + "/cache/objects").count
        try fm.write(Array("garbage, not a state log\n".utf8), to: stateDirectory + "/state.log")
        let status = try BinaryRunner.run(["status"], in: project)
        #expect(status.stderr.contains("warning: the build state .altbuild/state.log is not an altbuild state log"), "\(status.stderr)")
        let gc = try BinaryRunner.run(["gc", "--max-size", "1"], in: project)
        #expect(gc.status == 2, "\(gc.stdout)\(gc.stderr)")
        #expect(gc.stderr.contains("nothing was evicted"), "\(gc.stderr)")
        #expect(try fm.subpathsOfDirectory(atPath: stateDirectory + "/cache/objects").count == objectsBefore)
    }
}
