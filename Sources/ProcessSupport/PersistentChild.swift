import AltbuildSupport
#if canImport(Glibc)
import Glibc
#endif

/// One long-lived child answering framed requests on its stdin and stdout,
/// spawned like any child (own process group, clean signal state). A class
/// because it owns the process and its pipes: one thread of the pool uses
/// it from spawn to reap, and `deinit` kills and reaps whatever is left.
final class PersistentChild {
    let pid: pid_t
    private let launch: WorkerLaunch
    private var stdinFD: Int32
    private let stdoutFD: Int32
    private let stderrFD: Int32
    private var status: Int32?

    init(_ launch: WorkerLaunch) throws {
        let child = try ChildSpawn.start(executable: launch.executable, arguments: launch.arguments, environment: launch.environment)
        for fd in [child.stdin, child.stdout, child.stderr] { _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) }
        pid = child.pid
        stdinFD = child.stdin
        stdoutFD = child.stdout
        stderrFD = child.stderr
        self.launch = launch
    }

    deinit {
        if status == nil { kill(-pid, SIGKILL) }
        reapBlocking()
        closeStdin()
        close(stdoutFD)
        close(stderrFD)
    }

    /// Sends one request and waits for its reply, the child's end, or
    /// cancellation by either flag (SIGTERM to the group, SIGKILL after the
    /// grace period). Only what the child writes on stderr from now on is kept.
    func exchange(_ request: [UInt8], cancel: CancelFlag, stopping: CancelFlag) -> WorkerAnswer {
        var pipes = ExchangePipes(request: request, stdin: stdinFD, stdout: stdoutFD, stderr: stderrFD,
                                  replyLimit: launch.replyLimit, stderrTailLimit: launch.stderrTailLimit)
        var deadline = ChildDeadline(pid: pid, timeout: nil, killGrace: launch.killGrace)
        var nextCheck = monotonicSeconds() + 1
        while pipes.stdoutOpen {
            deadline.enforce(cancel, stopping)
            // Its stdout ending says the child is gone, unless something it started holds it:
            // once a second of quiet, check it is still there.
            if !pipes.pump() && monotonicSeconds() >= nextCheck {
                if reap() != nil { break }
                nextCheck = monotonicSeconds() + 1
            }
            switch pipes.reply.state {
            case .incomplete: continue
            case .complete:
                pipes.drainStderr()
                return .reply(pipes.reply.payload, stderrTail: pipes.stderrTail)
            case .oversized:
                kill(-pid, SIGKILL)
                reapBlocking()
                pipes.drainStderr()
                return .oversized(stderrTail: pipes.stderrTail)
            }
        }
        return .ended(ended(&pipes, deadline: &deadline, cancel: cancel, stopping: stopping))
    }

    /// The child stopped answering: its stdout closed or it exited. Waits
    /// for its exit (still under the deadline), kills whatever of its group
    /// still holds stderr, and reports how it ended.
    private func ended(_ pipes: inout ExchangePipes, deadline: inout ChildDeadline, cancel: CancelFlag, stopping: CancelFlag) -> ChildResult {
        while reap() == nil {
            deadline.enforce(cancel, stopping)
            _ = pipes.pump()
        }
        pipes.drainStderr()
        if pipes.stderrOpen { kill(-pid, SIGKILL) }
        return ChildResult(termination: Termination(waitStatus: status ?? 0), stdout: pipes.reply.received,
                           stdoutTruncated: false, stderrTail: pipes.stderrTail,
                           timedOut: deadline.timedOut, cancelled: deadline.cancelled)
    }

    /// True while the child is alive and quiet between requests. Anything on
    /// stdout now would be taken for the next reply, and anything on stderr
    /// for the next request's error report: a child that wrote either, or
    /// died (its pipes then report their end), gets no other request.
    var isIdle: Bool {
        var fds = [pollfd(fd: stdoutFD, events: Int16(POLLIN), revents: 0), pollfd(fd: stderrFD, events: Int16(POLLIN), revents: 0)]
        return status == nil && poll(&fds, nfds_t(fds.count), 0) == 0
    }

    /// The child's address space in bytes (`VmSize`, what `RLIMIT_AS`
    /// limits), from `/proc/PID/statm`; nil where that cannot be read.
    var addressSpace: Int? {
        let fd = open("/proc/\(pid)/statm", O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var text = [UInt8](repeating: 0, count: 128)
        let n = text.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        guard n > 0, let pages = String(decoding: text[0..<n], as: UTF8.self).split(separator: " ").first.flatMap({ Int($0) }) else { return nil }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }

    /// Ends a child between requests: stdin closed is its signal to exit,
    /// and its stdout reaching end of file the sign it did. One that has not
    /// within the grace period is killed. Always reaped.
    func stop() {
        closeStdin()
        let giveUp = monotonicSeconds() + launch.killGrace
        while status == nil && !stdoutEnded() && monotonicSeconds() < giveUp {
            var fds = [pollfd(fd: stdoutFD, events: Int16(POLLIN), revents: 0)]
            _ = poll(&fds, 1, Int32(max(1, (giveUp - monotonicSeconds()) * 1000)))
        }
        if reap() == nil { kill(-pid, SIGKILL) }
        reapBlocking()
    }

    /// Reads stdout to its end now, dropping what is there; false while it is still open.
    private func stdoutEnded() -> Bool {
        var scratch = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = scratch.withUnsafeMutableBytes { read(stdoutFD, $0.baseAddress, $0.count) }
            if n == 0 { return true }
            if n < 0 { return errno != EAGAIN && errno != EINTR }
        }
    }

    private func closeStdin() {
        if stdinFD >= 0 { close(stdinFD) }
        stdinFD = -1
    }

    /// The wait status once the child has exited, reaping it the first time.
    private func reap() -> Int32? {
        if status == nil {
            var raw: Int32 = 0
            if waitpid(pid, &raw, WNOHANG) == pid { status = raw }
        }
        return status
    }

    private func reapBlocking() {
        guard status == nil else { return }
        var raw: Int32 = 0
        while waitpid(pid, &raw, 0) < 0 && errno == EINTR {}
        status = raw
    }
}
