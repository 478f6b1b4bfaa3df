import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The `altbuild` binary started in the background, for tests that signal or
/// kill it mid-build. Spawned with a cleared signal mask and default
/// handlers (Foundation's `Process` would pass on the test runner's mask),
/// with stdout and stderr going to files. A `launcher` (such as `setpriv`
/// with its options) runs the binary in its place, for tests that drop privileges.
final class SpawnedBinary {
    let pid: pid_t
    let stdoutPath: String
    let stderrPath: String

    init(_ arguments: [String], in directory: String, environment: [String: String] = [:], launcher: [String] = []) throws {
        stdoutPath = NSTemporaryDirectory() + "altbuild-out-\(UUID().uuidString)"
        stderrPath = NSTemporaryDirectory() + "altbuild-err-\(UUID().uuidString)"
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdoutPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, stderrPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        var all = sigset_t()
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        // The working directory: via a shell-free trick, spawn `env -C DIR`.
        let env = ProcessInfo.processInfo.environment.merging(environment) { $1 }.map { "\($0.key)=\($0.value)" }
        let argv = ["/usr/bin/env", "-C", directory] + launcher + [BinaryRunner.binary] + arguments
        var cArgs = argv.map { strdup($0) } + [nil]
        var cEnv = env.map { strdup($0) } + [nil]
        defer { cArgs.forEach { free($0) }; cEnv.forEach { free($0) } }
        var child: pid_t = 0
        let result = posix_spawn(&child, "/usr/bin/env", &actions, &attributes, &cArgs, &cEnv)
        guard result == 0 else { throw NSError(domain: "spawn", code: Int(result)) }
        pid = child
    }

    func signal(_ number: Int32) { kill(pid, number) }

    /// Waits for the exit; returns the status (128 + signal if killed).
    func wait(timeout: Double = 60) -> Int32 {
        let deadline = Date().addingTimeInterval(timeout)
        var status: Int32 = 0
        while Date() < deadline {
            if waitpid(pid, &status, WNOHANG) == pid {
                return (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
            }
            usleep(20_000)
        }
        kill(pid, SIGKILL)
        waitpid(pid, &status, 0)
        return -1
    }

    var stdout: String { (try? String(contentsOfFile: stdoutPath, encoding: .utf8)) ?? "" }
    var stderr: String { (try? String(contentsOfFile: stderrPath, encoding: .utf8)) ?? "" }
}

/// Counts the successful records in a project's state log (each line a record).
func succeededRecords(_ project: String) -> Int {
    guard let text = try? String(contentsOfFile: project + "/.altbuild/state.log", encoding: .utf8) else { return 0 }
    var targets = Set<String>()
    for line in text.split(separator: "\n") where !line.hasPrefix("#") && !line.hasPrefix("C\t") {
        let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
        if fields.count > 2 && fields[1] == "ok" { targets.insert(String(fields[0])) }
    }
    return targets.count
}

/// Waits until `condition` holds, polling; false on timeout.
func eventually(timeout: Double = 30, _ condition: () -> Bool) -> Bool {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
        if condition() { return true }
        usleep(20_000)
    }
    return condition()
}

/// `eventually` for async tests: waits with `Task.sleep`, so a long wait
/// does not hold one of the few threads all tests share (a timing test
/// running beside it would be starved).
func waitUntil(timeout: Double = 30, _ condition: () -> Bool) async -> Bool {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
        if condition() { return true }
        try? await Task.sleep(nanoseconds: 20_000_000)
    }
    return condition()
}
