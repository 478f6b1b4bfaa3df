import Testing
import Foundation
@testable import OOXML
@testable import ProcessSupport

/// End-to-end tests of batch builds on the built binary, with real command
/// describers that are slow, hang or fail, real signals and real kills.
@Suite(.serialized) struct BatchTests {
    let project: String
    let fm = FileManager.default

    init() throws {
        project = Fixtures.temporaryDirectory()
        try script("slow.sh", "cat > /dev/null\nsleep 0.3\necho \"A slow but careful description\"")
        try script("hang.sh", "cat > /dev/null\ncase \"$ALTBUILD_SLOT\" in *HANG*) sleep 1000; echo late ;; esac\necho \"Quick description\"")
        try script("fail.sh", "cat > /dev/null\necho 'model exploded: out of memory' >&2\nexit 7")
    }

    func script(_ name: String, _ body: String) throws {
        try ("#!/bin/sh\n" + body + "\n").write(toFile: "\(project)/\(name)", atomically: true, encoding: .utf8)
    }

    /// `count` decks, each with its own caption so each needs its own description.
    func decks(_ count: Int, folder: String = "decks", caption: (Int) -> String = { "Caption number \($0)" }) throws {
        for i in 0..<count {
            try fm.write(IncrementalTests.deck(variant: i, caption: caption(i)), to: "\(project)/\(folder)/d\(String(format: "%03d", i)).pptx")
        }
    }

    func run(_ arguments: String..., environment: [String: String] = [:]) throws -> BinaryRunner.Result {
        try BinaryRunner.run(arguments, in: project, environment: environment)
    }

    func leftoverTemp() -> [String] {
        (try? fm.contentsOfDirectory(atPath: "\(project)/.altbuild/tmp")) ?? []
    }

    func allOutputsValid() throws -> Int {
        let outputs = (try? fm.subpathsOfDirectory(atPath: "\(project)/build"))?.filter { $0.hasSuffix(".pptx") } ?? []
        for output in outputs {
            let slots = try Deck(path: "\(project)/build/\(output)").inventory().slots
            #expect(slots.allSatisfy { $0.state == .human }, "\(output) is not complete")
        }
        return outputs.count
    }

    @Test func sigintStopsGracefullyAndTheRerunBuildsOnlyTheRest() throws {
        try decks(30)
        let build = try SpawnedBinary(["build", "decks", "-j", "2", "--progress", "plain", "--describer", "command",
                                       "--describer-command", "sh \(project)/slow.sh"], in: project)
        #expect(eventually { succeededRecords(project) >= 10 }, "ten decks should finish")
        build.signal(SIGINT)
        let status = build.wait()
        #expect(status == 130, "\(build.stderr)")
        #expect(build.stderr.contains("interrupted by SIGINT"), "\(build.stderr)")
        #expect(build.stderr.contains("run the same command again"))
        #expect(!BuildLock.isHeld(path: "\(project)/.altbuild/lock"))
        #expect(leftoverTemp().isEmpty, "\(leftoverTemp())")
        let finished = succeededRecords(project)
        #expect(finished >= 10 && finished < 30)
        #expect(try allOutputsValid() == finished)

        let rerun = try run("build", "decks", "--describer", "command", "--describer-command", "sh \(project)/slow.sh", "-j", "2")
        #expect(rerun.status == 0, "\(rerun.stderr)")
        #expect(rerun.stdout.contains("30 decks: \(30 - finished) built, 0 restored from cache, \(finished) up to date, 0 failed"), "\(rerun.stdout)")
    }

    @Test func sigtermExitsWith143() throws {
        try decks(12)
        let build = try SpawnedBinary(["build", "decks", "-j", "1", "--describer", "command",
                                       "--describer-command", "sh \(project)/slow.sh"], in: project)
        #expect(eventually { succeededRecords(project) >= 2 })
        build.signal(SIGTERM)
        #expect(build.wait() == 143, "\(build.stderr)")
        #expect(!BuildLock.isHeld(path: "\(project)/.altbuild/lock"))
        #expect(leftoverTemp().isEmpty)
    }

    @Test func killMinusNineLosesOnlyDecksInFlight() throws {
        try decks(30)
        let arguments = ["build", "decks", "-j", "2", "--describer", "command", "--describer-command", "sh \(project)/slow.sh"]
        let build = try SpawnedBinary(arguments, in: project)
        #expect(eventually { succeededRecords(project) >= 10 })
        build.signal(SIGKILL)
        #expect(build.wait() == 128 + SIGKILL)
        let finished = succeededRecords(project)
        #expect(!leftoverTemp().isEmpty, "the dead build leaves its temp folder")
        let rerun = try BinaryRunner.run(arguments, in: project)
        #expect(rerun.status == 0, "\(rerun.stderr)")
        #expect(rerun.stdout.contains("30 decks: \(30 - finished) built, 0 restored from cache, \(finished) up to date, 0 failed"), "\(rerun.stdout)")
        #expect(leftoverTemp().isEmpty, "the next build removes the dead build's temp files")
        #expect(try allOutputsValid() == 30)
    }

    @Test func aHangingDeckTimesOutAndTheOthersFinish() throws {
        try decks(4) { $0 == 2 ? "HANG here" : "Caption \($0)" }
        let start = Date()
        let result = try run("build", "decks", "--timeout", "2s", "-j", "2", "--describer", "command",
                             "--describer-command", "sh \(project)/hang.sh")
        #expect(Date().timeIntervalSince(start) < 20)
        #expect(result.status == 1)
        #expect(result.stderr.contains("decks/d002.pptx: E_TIMEOUT: timed out after 2s"), "\(result.stderr)")
        #expect(result.stdout.contains("4 decks: 3 built, 0 restored from cache, 0 up to date, 1 failed"), "\(result.stdout)")
        // The describer's whole process group was killed: no `sleep 1000` survives.
        #expect(eventually(timeout: 5) { !processExists(matching: "sleep 1000") })
        let log = try buildLog()
        #expect(log.contains("\"code\": \"E_TIMEOUT\""))
    }

    @Test func aCrashedWorkerIsReportedWithItsSignal() throws {
        try decks(3)
        let result = try run("build", "decks", environment: ["ALTBUILD_WORKER_FAULT": "crash:d001"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("decks/d001.pptx: E_WORKER_CRASHED"), "\(result.stderr)")
        #expect(result.stderr.contains("killed by signal 11 (SIGSEGV)"))
        #expect(result.stdout.contains("3 decks: 2 built, 0 restored from cache, 0 up to date, 1 failed"), "\(result.stdout)")
        let log = try buildLog()
        #expect(log.contains("\"signal\": \"11\""))
        #expect(log.contains("\"worker\": \"killed by signal 11 (SIGSEGV)\""))
    }

    @Test func aHangingWorkerIsKilledAtTheDeadline() throws {
        try decks(2)
        let result = try run("build", "decks", "--timeout", "1s", environment: ["ALTBUILD_WORKER_FAULT": "hang:d000"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("decks/d000.pptx: E_TIMEOUT: timed out after 1s"), "\(result.stderr)")
        #expect(!processExists(matching: "altbuild-worker scan --deck decks/d000.pptx"))
    }

    @Test func aFailingDescriberFailsItsDeckWithItsErrorText() throws {
        try decks(2)
        let result = try run("build", "decks", "--describer", "command", "--describer-command", "sh \(project)/fail.sh")
        #expect(result.status == 1)
        #expect(result.stderr.contains("E_DESCRIBER_FAILED"), "\(result.stderr)")
        #expect(result.stderr.contains("ended with exit status 7"), "\(result.stderr)")
        #expect(result.stderr.contains("model exploded: out of memory"))
        #expect(try buildLog().contains("model exploded"))
    }

    @Test func mixedDecksGetTheRightStatusesCountsAndExitCode() throws {
        try decks(2)
        #expect(try run("build", "decks").status == 0)
        try fm.write(Array("PK\u{3}\u{4} cut short".utf8), to: "\(project)/decks/cut.pptx")
        try fm.write(IncrementalTests.deck(variant: 50, caption: "new one"), to: "\(project)/decks/new.pptx")
        let result = try run("build", "decks", "--progress", "json")
        #expect(result.status == 1)
        #expect(result.stdout.contains("4 decks: 1 built, 0 restored from cache, 2 up to date, 1 failed"), "\(result.stdout)")
        let rows = result.stdout.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
        var statuses: [String: String] = [:]
        for row in rows { if let input = row["input"] as? String { statuses[input] = row["status"] as? String } }
        #expect(statuses == ["decks/d000.pptx": "up-to-date", "decks/d001.pptx": "up-to-date",
                             "decks/cut.pptx": "failed", "decks/new.pptx": "built"])
        #expect((rows.first { $0["input"] as? String == "decks/cut.pptx" }?["error"] as? [String: String])?["code"] == "E_ZIP_TRUNCATED")
    }

    @Test func concurrentBuildsWaitForTheLockAndCorruptNothing() throws {
        try decks(8)
        let arguments = ["build", "decks", "-j", "2", "--describer", "command", "--describer-command", "sh \(project)/slow.sh"]
        let first = try SpawnedBinary(arguments, in: project)
        let second = try SpawnedBinary(arguments, in: project)
        #expect(first.wait() == 0, "\(first.stderr)")
        #expect(second.wait() == 0, "\(second.stderr)")
        #expect((first.stderr + second.stderr).contains("waiting for another build of this project (pid "))
        #expect(succeededRecords(project) == 8)
        #expect(try allOutputsValid() == 8)
        let together = first.stdout + second.stdout
        #expect(together.contains("8 decks: 8 built") && together.contains("8 decks: 0 built, 0 restored from cache, 8 up to date"), "\(together)")
    }

    @Test func aSecondBuildGivesUpAfterTheLockTimeout() throws {
        try decks(6)
        let first = try SpawnedBinary(["build", "decks", "-j", "1", "--describer", "command",
                                       "--describer-command", "sh \(project)/slow.sh"], in: project)
        #expect(eventually { BuildLock.isHeld(path: "\(project)/.altbuild/lock") })
        let second = try run("build", "decks", "--lock-timeout", "0.5s")
        #expect(second.status == 3)
        #expect(second.stderr.contains("E_LOCKED: another build of this project (process \(first.pid)) still holds the lock"), "\(second.stderr)")
        // Read-only commands never wait for the lock.
        let start = Date()
        _ = try run("status", "decks")
        #expect(Date().timeIntervalSince(start) < 5)
        #expect(first.wait() == 0)
    }

    @Test func keepGoingStopsSchedulingAfterNFailures() throws {
        for i in 0..<6 { try fm.write(Array("broken \(i)".utf8), to: "\(project)/bad/b\(i).pptx") }
        let result = try run("build", "bad", "-j", "1", "--keep-going", "2")
        #expect(result.status == 1)
        #expect(result.stderr.contains("stopped after 2 failures (--keep-going 2); 4 decks were not started"), "\(result.stderr)")
        #expect(result.stdout.contains("6 decks: 0 built, 0 restored from cache, 0 up to date, 2 failed, 4 not started"), "\(result.stdout)")
        let rate = try run("build", "bad", "-j", "1", "--max-failure-rate", "0.5")
        #expect(rate.stdout.contains("6 failed"), "fewer than 10 finished: the rate does not apply yet: \(rate.stdout)")
    }

    @Test func parentMemoryDoesNotGrowWithTheNumberOfDecks() throws {
        try decks(6, folder: "small")
        try decks(60, folder: "large")
        #expect(try run("build", "small", "-j", "2").status == 0)
        let small = try peakRSS()
        #expect(try run("build", "large", "-j", "2").status == 0)
        let large = try peakRSS()
        // A generous bound here; the benchmark measures 15 against 150 decks.
        #expect(Double(large) < Double(small) * 1.5, "small \(small) KiB, large \(large) KiB")
    }

    func buildLog() throws -> String {
        let logs = try fm.contentsOfDirectory(atPath: "\(project)/.altbuild/logs").sorted()
        return try String(contentsOfFile: "\(project)/.altbuild/logs/\(logs.last ?? "")", encoding: .utf8)
    }

    func peakRSS() throws -> Int {
        let end = try buildLog().split(separator: "\n").last { $0.contains("\"event\": \"end\"") }
        let object = try JSONSerialization.jsonObject(with: Data((end ?? "").utf8)) as? [String: String]
        return Int(object?["peak_rss_kib"] ?? "") ?? -1
    }
}

func processExists(matching pattern: String) -> Bool {
    let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
    for entry in entries where Int(entry) != nil {
        guard let data = FileManager.default.contents(atPath: "/proc/\(entry)/cmdline") else { continue }
        let command = String(decoding: data.map { $0 == 0 ? 0x20 : $0 }, as: UTF8.self)
        if command.contains(pattern) && !command.contains("pgrep") { return true }
    }
    return false
}
