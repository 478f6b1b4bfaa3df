import Testing
import Foundation
@testable import ProcessSupport

/// The built binary's worker pool end to end: real builds, real signals,
/// and the worker processes themselves watched in /proc as children of the
/// build. A build starts at most `--jobs` workers for all its decks, a
/// crash or hang costs one deck and one worker, and however a build ends
/// (done, Ctrl+C, SIGTERM) no worker outlives it.
@Suite(.serialized) struct PersistentWorkerBuildTests {
    let project = Fixtures.temporaryDirectory()
    let fm = FileManager.default

    init() throws {
        try "#!/bin/sh\ncat > /dev/null\nsleep 0.2\necho \"A slow but careful description\"\n"
            .write(toFile: "\(project)/slow.sh", atomically: true, encoding: .utf8)
    }

    func decks(_ count: Int) throws {
        for i in 0..<count {
            try fm.write(IncrementalTests.deck(variant: i, caption: "Caption number \(i)"), to: "\(project)/decks/d\(String(format: "%03d", i)).pptx")
        }
    }

    var slowDescriber: [String] { ["--describer", "command", "--describer-command", "sh \(project)/slow.sh"] }

    /// Runs a build to its end, watching its worker processes; returns its
    /// exit status, the build, and every worker pid seen with the most alive at once.
    func watched(_ arguments: [String], environment: [String: String] = [:],
                 during: (SpawnedBinary, ProcessWatcher) -> Void = { _, _ in }) throws -> (Int32, SpawnedBinary, Set<pid_t>, Int) {
        let build = try SpawnedBinary(["build", "decks", "--progress", "none"] + arguments, in: project, environment: environment)
        let watcher = ProcessWatcher(named: "altbuild-worker", parent: build.pid)
        during(build, watcher)
        let status = build.wait()
        let (pids, most) = watcher.stop()
        return (status, build, pids, most)
    }

    @Test func aBuildRunsAtMostJobsWorkersForAllItsDecks() throws {
        try decks(12)
        let (status, build, pids, most) = try watched(["-j", "2"] + slowDescriber)
        #expect(status == 0, "\(build.stderr)")
        #expect(build.stdout.contains("12 decks: 12 built"), "\(build.stdout)")
        #expect(!pids.isEmpty && pids.count <= 2, "24 steps, at most 2 worker processes: saw \(pids.sorted())")
        #expect(most <= 2)
        #expect(pids.allSatisfy { !ProcessTable.exists($0) }, "no worker outlives the build")
    }

    @Test func ctrlCLeavesNoWorkerBehind() throws {
        try decks(30)
        var running: [pid_t] = []
        let (status, build, pids, _) = try watched(["-j", "2"] + slowDescriber) { build, _ in
            #expect(eventually { succeededRecords(project) >= 4 })
            running = ProcessTable.processes(named: "altbuild-worker", parent: build.pid).map(\.pid)
            build.signal(SIGINT)
        }
        #expect(status == 130, "\(build.stderr)")
        #expect(!running.isEmpty, "workers were running when Ctrl+C came")
        let left = pids.union(running).filter { ProcessTable.exists($0) }
        #expect(left.isEmpty, "workers left after the build exited: \(left)")
        #expect(((try? fm.contentsOfDirectory(atPath: "\(project)/.altbuild/tmp")) ?? []).isEmpty)
    }

    @Test func sigtermEndsAHungWorkerOnceTheGraceIsOver() throws {
        try decks(4)
        let (status, build, pids, _) = try watched(["-j", "2", "--grace", "1s"], environment: ["ALTBUILD_WORKER_FAULT": "hang:d001"]) { build, _ in
            #expect(eventually { succeededRecords(project) == 3 })
            build.signal(SIGTERM)
        }
        #expect(status == 143, "\(build.stderr)")
        #expect(build.stderr.contains("3 decks were built and recorded; run the same command again to build the remaining 1"), "\(build.stderr)")
        #expect(!pids.isEmpty && pids.allSatisfy { !ProcessTable.exists($0) }, "the hung worker was killed: \(pids)")
    }

    @Test func aCrashMidBatchCostsOneDeckAndAFreshWorkerBuildsTheRest() throws {
        try decks(6)
        let (status, build, pids, most) = try watched(["-j", "1"], environment: ["ALTBUILD_WORKER_FAULT": "crash:d002"])
        #expect(status == 1)
        #expect(build.stderr.contains("decks/d002.pptx: E_WORKER_CRASHED: the worker parsing this deck was killed by signal 11 (SIGSEGV)"), "\(build.stderr)")
        #expect(build.stdout.contains("6 decks: 5 built, 0 restored from cache, 0 up to date, 1 failed"), "\(build.stdout)")
        // One worker for d000-d002, one asked again about d002, one for d003-d005 (the short-lived middle one may pass unseen).
        #expect(pids.count >= 2 && pids.count <= 3 && most == 1, "\(pids.sorted()), \(most) at once")
        #expect(pids.allSatisfy { !ProcessTable.exists($0) })
    }

    @Test func aHungWorkerIsKilledAtTheTimeoutAndTheNextDeckGetsAFreshOne() throws {
        try decks(3)
        // Long enough for a deck that does not hang, on a busy machine.
        let (status, build, pids, _) = try watched(["-j", "1", "--timeout", "3s"], environment: ["ALTBUILD_WORKER_FAULT": "hang:d000"])
        #expect(status == 1)
        #expect(build.stderr.contains("decks/d000.pptx: E_TIMEOUT: timed out after 3s"), "\(build.stderr)")
        #expect(build.stdout.contains("3 decks: 2 built"), "\(build.stdout)\(build.stderr)")
        #expect(pids.count == 2, "the hung worker, then one for the other decks: \(pids.sorted())")
        #expect(pids.allSatisfy { !ProcessTable.exists($0) })
    }
}
