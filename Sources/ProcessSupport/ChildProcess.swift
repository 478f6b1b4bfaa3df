public import AltbuildSupport
#if canImport(Glibc)
import Glibc
#endif

/// How a child process ended.
public enum Termination: Sendable, Equatable, CustomStringConvertible {
    case exited(Int32)
    case signalled(Int32)

    public var description: String {
        switch self {
        case .exited(let code): return "exit status \(code)"
        case .signalled(let signal): return "killed by signal \(signal) (\(signalName(signal)))"
        }
    }
}

/// The result of running a child: how it ended, its output (stdout whole up
/// to a bound, stderr as a bounded tail), and whether altbuild killed it.
public struct ChildResult: Sendable {
    public var termination: Termination
    public var stdout: [UInt8]
    /// True when stdout went past its bound (the rest was discarded).
    public var stdoutTruncated: Bool
    public var stderrTail: [UInt8]
    public var timedOut: Bool
    public var cancelled: Bool

    public var stdoutTail: String { tailText(stdout) }
    public var stderrText: String { tailText(stderrTail) }
}

/// What to run and with which limits.
public struct ChildSpec: Sendable {
    public var executable: String
    public var arguments: [String]
    public var environment: [String: String]?
    /// Sent to the child's stdin, then stdin is closed.
    public var stdin: [UInt8]
    /// Keep at most this much of stdout (the start) and of stderr (the end).
    public var stdoutLimit: Int
    public var stderrTailLimit: Int
    /// Seconds until the child's process group gets SIGTERM, then SIGKILL after `killGrace`.
    public var timeout: Double?
    public var killGrace: Double

    public init(executable: String, arguments: [String], environment: [String: String]? = nil, stdin: [UInt8] = [],
                stdoutLimit: Int = 64 << 20, stderrTailLimit: Int = 4096, timeout: Double? = nil, killGrace: Double = 2) {
        self.executable = executable
        self.arguments = arguments
        self.environment = environment
        self.stdin = stdin
        self.stdoutLimit = stdoutLimit
        self.stderrTailLimit = stderrTailLimit
        self.timeout = timeout
        self.killGrace = killGrace
    }
}

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
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, stdinPipe[0], 0)
        posix_spawn_file_actions_adddup2(&actions, stdoutPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, stderrPipe[1], 2)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var emptyMask = sigset_t()
        sigemptyset(&emptyMask)
        var allSignals = sigset_t()
        sigfillset(&allSignals)
        posix_spawnattr_setsigmask(&attributes, &emptyMask)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETPGROUP))

        let argv = ([spec.executable] + spec.arguments).map { strdup($0) }
        defer { argv.forEach { free($0) } }
        let environment = (spec.environment ?? currentEnvironment()).map { strdup("\($0.key)=\($0.value)") }
        defer { environment.forEach { free($0) } }
        var pid: pid_t = 0
        var argvList = argv + [nil]
        var envList = environment + [nil]
        let spawned = argvList.withUnsafeMutableBufferPointer { argvBuffer in
            envList.withUnsafeMutableBufferPointer { envBuffer -> Int32 in
                guard let argvBase = argvBuffer.baseAddress, let envBase = envBuffer.baseAddress else { return EINVAL }
                return posix_spawn(&pid, spec.executable, &actions, &attributes, argvBase, envBase)
            }
        }
        close(stdinPipe[0])
        close(stdoutPipe[1])
        close(stderrPipe[1])
        guard spawned == 0 else {
            close(stdinPipe[1]); close(stdoutPipe[0]); close(stderrPipe[0])
            throw AltbuildError(.internalError, "cannot start \(spec.executable): \(String(cString: strerror(spawned)))")
        }
        return try supervise(pid: pid, spec: spec, stdin: stdinPipe[1], stdout: stdoutPipe[0], stderr: stderrPipe[0], cancel: cancel)
    }

    /// Feeds stdin, drains stdout and stderr with bounds, enforces the
    /// deadline and cancellation, and reaps the child.
    private static func supervise(pid: pid_t, spec: ChildSpec, stdin: Int32, stdout: Int32, stderr: Int32,
                                  cancel: CancelFlag) throws -> ChildResult {
        var out: [UInt8] = []
        var truncated = false
        var errTail: [UInt8] = []
        var stdinFD = stdin
        var stdinOffset = 0
        _ = fcntl(stdinFD, F_SETFL, fcntl(stdinFD, F_GETFL) | O_NONBLOCK)
        if spec.stdin.isEmpty { close(stdinFD); stdinFD = -1 }
        var open = (out: true, err: true)
        let start = monotonicSeconds()
        var termSentAt: Double?
        var timedOut = false
        var cancelled = false
        var buffer = [UInt8](repeating: 0, count: 65536)
        var status: Int32 = 0
        var reaped = false

        while open.out || open.err || !reaped {
            // Deadline and cancellation: SIGTERM to the group, SIGKILL after the grace period.
            let now = monotonicSeconds()
            if termSentAt == nil {
                if let timeout = spec.timeout, now - start >= timeout { timedOut = true }
                if cancel.isCancelled { cancelled = true }
                if timedOut || cancelled {
                    kill(-pid, SIGTERM)
                    termSentAt = now
                }
            } else if let sent = termSentAt, now - sent >= (cancel.isUrgent ? 0 : spec.killGrace) {
                kill(-pid, SIGKILL)
            }
            var fds: [pollfd] = []
            if open.out { fds.append(pollfd(fd: stdout, events: Int16(POLLIN), revents: 0)) }
            if open.err { fds.append(pollfd(fd: stderr, events: Int16(POLLIN), revents: 0)) }
            if stdinFD >= 0 { fds.append(pollfd(fd: stdinFD, events: Int16(POLLOUT), revents: 0)) }
            if !fds.isEmpty {
                _ = poll(&fds, nfds_t(fds.count), 50)
            } else if !reaped {
                usleep(10_000)
            }
            for entry in fds where entry.revents != 0 {
                if entry.fd == stdinFD {
                    let n = spec.stdin.withUnsafeBytes { raw -> Int in
                        guard let base = raw.baseAddress else { return 0 }
                        return write(stdinFD, base + stdinOffset, raw.count - stdinOffset)
                    }
                    if n > 0 { stdinOffset += n }
                    if n < 0 && errno != EAGAIN && errno != EINTR || stdinOffset >= spec.stdin.count {
                        close(stdinFD)
                        stdinFD = -1
                    }
                    continue
                }
                let n = buffer.withUnsafeMutableBytes { raw in read(entry.fd, raw.baseAddress, raw.count) }
                if n <= 0 {
                    if n < 0 && (errno == EINTR || errno == EAGAIN) { continue }
                    close(entry.fd)
                    if entry.fd == stdout { open.out = false } else { open.err = false }
                    continue
                }
                if entry.fd == stdout {
                    let room = spec.stdoutLimit - out.count
                    if room > 0 { out.append(contentsOf: buffer[0..<min(n, room)]) }
                    if n > room { truncated = true }
                } else {
                    errTail.append(contentsOf: buffer[0..<n])
                    if errTail.count > spec.stderrTailLimit { errTail.removeFirst(errTail.count - spec.stderrTailLimit) }
                }
            }
            if !reaped {
                let result = waitpid(pid, &status, WNOHANG)
                if result == pid { reaped = true }
                // Once the child is gone, grandchildren may still hold the pipes: stop waiting for them.
                if reaped && (open.out || open.err) {
                    kill(-pid, SIGKILL)
                }
            }
        }
        if stdinFD >= 0 { close(stdinFD) }
        let termination: Termination = (status & 0x7F) == 0 ? .exited((status >> 8) & 0xFF) : .signalled(status & 0x7F)
        return ChildResult(termination: termination, stdout: out, stdoutTruncated: truncated, stderrTail: errTail,
                           timedOut: timedOut, cancelled: cancelled)
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

/// The last few lines of output, as text for an error report.
func tailText(_ bytes: [UInt8], limit: Int = 2048) -> String {
    String(decoding: bytes.suffix(limit), as: UTF8.self)
}

public func signalName(_ signal: Int32) -> String {
    switch signal {
    case SIGSEGV: return "SIGSEGV"
    case SIGABRT: return "SIGABRT"
    case SIGKILL: return "SIGKILL"
    case SIGTERM: return "SIGTERM"
    case SIGINT: return "SIGINT"
    case SIGBUS: return "SIGBUS"
    case SIGILL: return "SIGILL"
    case SIGFPE: return "SIGFPE"
    default: return "signal \(signal)"
    }
}
