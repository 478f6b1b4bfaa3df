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
        let child = try ChildSpawn.start(executable: spec.executable, arguments: spec.arguments, environment: spec.environment)
        let pipes = ChildPipes(spec: spec, stdin: child.stdin, stdout: child.stdout, stderr: child.stderr)
        return supervise(pid: child.pid, pipes: pipes,
                         deadline: ChildDeadline(pid: child.pid, timeout: spec.timeout, killGrace: spec.killGrace), cancel: cancel)
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
