public import AltbuildSupport
#if canImport(Glibc)
import Glibc
#endif

/// Runs child processes the way a build tool must: each in its own process
/// group (so a hang is killed with everything it started), with the signal
/// mask cleared and default signal dispositions (Foundation's `Process` on
/// Linux passes the parent's blocked mask on), with bounded output, a
/// deadline, and cancellation that kills the group: SIGTERM, then SIGKILL
/// after a grace period.
///
/// `run` blocks its thread; `runAsync` runs it on a dedicated thread so the
/// cooperative pool (two threads on a two-core machine) never blocks.
public enum ChildProcess {
    public static func runAsync(_ spec: ChildSpec, cancel: CancelFlag) async throws -> ChildResult {
        try await withCheckedThrowingContinuation { continuation in
            detachThread {
                do {
                    continuation.resume(returning: try run(spec, cancel: cancel))
                } catch {
                    continuation.resume(throwing: error)
                }
            }
        }
    }

    public static func run(_ spec: ChildSpec, cancel: CancelFlag) throws -> ChildResult {
        ChildProcess.ignoreSIGPIPE
        var stdinPipe: [Int32] = [-1, -1]
        var stdoutPipe: [Int32] = [-1, -1]
        var stderrPipe: [Int32] = [-1, -1]
        guard makePipe(&stdinPipe), makePipe(&stdoutPipe), makePipe(&stderrPipe) else {
            throw AltbuildError(.internalError, "cannot create pipes: \(FileIO.errnoText())")
        }
        var pid: pid_t = 0
        let spawned = spawn(spec, stdin: stdinPipe[0], stdout: stdoutPipe[1], stderr: stderrPipe[1], pid: &pid)
        close(stdinPipe[0])
        close(stdoutPipe[1])
        close(stderrPipe[1])
        guard spawned == 0 else {
            close(stdinPipe[1]); close(stdoutPipe[0]); close(stderrPipe[0])
            throw AltbuildError(.internalError, "cannot start \(spec.executable): \(String(cString: strerror(spawned)))")
        }
        let pipes = ChildPipes(spec: spec, stdin: stdinPipe[1], stdout: stdoutPipe[0], stderr: stderrPipe[0])
        return supervise(pid: pid, pipes: pipes, deadline: ChildDeadline(pid: pid, timeout: spec.timeout, killGrace: spec.killGrace),
                         cancel: cancel)
    }

    /// Starts the child with the given pipe ends as its stdin, stdout and
    /// stderr, in a process group of its own, with a clean signal state.
    /// Returns 0, or the error number.
    private static func spawn(_ spec: ChildSpec, stdin: Int32, stdout: Int32, stderr: Int32, pid: inout pid_t) -> Int32 {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, stdin, 0)
        posix_spawn_file_actions_adddup2(&actions, stdout, 1)
        posix_spawn_file_actions_adddup2(&actions, stderr, 2)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        cleanSignalsInNewGroup(&attributes)
        let environment = (spec.environment ?? currentEnvironment()).map { "\($0.key)=\($0.value)" }
        return withCStringArray([spec.executable] + spec.arguments) { argv in
            withCStringArray(environment) { envp in
                guard let argv, let envp else { return EINVAL }
                return posix_spawn(&pid, spec.executable, &actions, &attributes, argv, envp)
            }
        }
    }

    /// No signal blocked, every disposition the default, and a new process group.
    private static func cleanSignalsInNewGroup(_ attributes: inout posix_spawnattr_t) {
        var emptyMask = sigset_t()
        sigemptyset(&emptyMask)
        var allSignals = sigset_t()
        sigfillset(&allSignals)
        posix_spawnattr_setsigmask(&attributes, &emptyMask)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETPGROUP))
    }

    /// Moves the pipes along, enforces the deadline and cancellation, and
    /// reaps the child; returns once it has exited and its output has ended.
    private static func supervise(pid: pid_t, pipes: ChildPipes, deadline: ChildDeadline, cancel: CancelFlag) -> ChildResult {
        var pipes = pipes
        var deadline = deadline
        var status: Int32?
        while pipes.outputOpen || status == nil {
            deadline.enforce(cancel)
            pipes.pump(pauseWhenClosed: status == nil)
            if status == nil { status = reap(pid, outputOpen: pipes.outputOpen) }
        }
        pipes.closeStdin()
        return ChildResult(termination: Termination(waitStatus: status ?? 0), stdout: pipes.stdout,
                           stdoutTruncated: pipes.stdoutTruncated, stderrTail: pipes.stderrTail,
                           timedOut: deadline.timedOut, cancelled: deadline.cancelled)
    }

    /// The child's wait status if it has exited, else nil. Once it is gone,
    /// grandchildren may still hold the pipes: they are killed, so that
    /// waiting for the output to end does not wait for them.
    private static func reap(_ pid: pid_t, outputOpen: Bool) -> Int32? {
        var status: Int32 = 0
        guard waitpid(pid, &status, WNOHANG) == pid else { return nil }
        if outputOpen { kill(-pid, SIGKILL) }
        return status
    }

    /// A child that exits without reading its stdin must not kill altbuild
    /// with SIGPIPE when it is written to; the write fails with EPIPE instead.
    private static let ignoreSIGPIPE: Void = {
        signal(SIGPIPE, SIG_IGN)
    }()

    public static func currentEnvironment() -> [String: String] {
        var result: [String: String] = [:]
        var pointer = environ
        while let entry = pointer.pointee {
            let text = String(cString: entry)
            if let eq = text.firstIndex(of: "=") {
                result[String(text[..<eq])] = String(text[text.index(after: eq)...])
            }
            pointer += 1
        }
        return result
    }
}

/// A pipe whose ends are closed on exec (the child gets only its dup2'd copies).
private func makePipe(_ fds: inout [Int32]) -> Bool {
    guard pipe(&fds) == 0 else { return false }
    _ = fcntl(fds[0], F_SETFD, FD_CLOEXEC)
    _ = fcntl(fds[1], F_SETFD, FD_CLOEXEC)
    return true
}

/// `strings` as the NULL-terminated array of C strings `exec` takes, valid during `body`.
private func withCStringArray<R>(_ strings: [String], _ body: (UnsafePointer<UnsafeMutablePointer<CChar>?>?) -> R) -> R {
    let copies = strings.map { strdup($0) }
    defer { copies.forEach { free($0) } }
    return (copies + [nil]).withUnsafeBufferPointer { body($0.baseAddress) }
}
