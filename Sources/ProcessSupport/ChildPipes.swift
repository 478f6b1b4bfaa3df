#if canImport(Glibc)
import Glibc
#endif

/// The parent's ends of a child's three pipes, moved along without ever
/// blocking: stdin is written from `input` as the child reads it, stdout is
/// kept up to its bound (the rest read and dropped, so the child never
/// stalls on a full pipe), and only the tail of stderr is kept.
struct ChildPipes {
    private let input: [UInt8]
    private var stdinFD: Int32
    private var written = 0
    private let stdoutFD: Int32
    private let stderrFD: Int32
    private var stdoutOpen = true
    private var stderrOpen = true
    private let stdoutLimit: Int
    private let stderrTailLimit: Int
    private var buffer = [UInt8](repeating: 0, count: 65536)

    private(set) var stdout: [UInt8] = []
    private(set) var stdoutTruncated = false
    private(set) var stderrTail: [UInt8] = []

    init(spec: ChildSpec, stdin: Int32, stdout: Int32, stderr: Int32) {
        input = spec.stdin
        stdinFD = stdin
        stdoutFD = stdout
        stderrFD = stderr
        stdoutLimit = spec.stdoutLimit
        stderrTailLimit = spec.stderrTailLimit
        _ = fcntl(stdinFD, F_SETFL, fcntl(stdinFD, F_GETFL) | O_NONBLOCK)
        if input.isEmpty { closeStdin() }
    }

    /// Whether the child (or anything it started) may still write output.
    var outputOpen: Bool { stdoutOpen || stderrOpen }

    /// Waits up to 50 ms for a pipe to be ready and moves what it can.
    /// With every pipe closed there is nothing to wait on: it sleeps 10 ms
    /// instead when `pauseWhenClosed` (the child has yet to exit).
    mutating func pump(pauseWhenClosed: Bool) {
        var fds: [pollfd] = []
        if stdoutOpen { fds.append(pollfd(fd: stdoutFD, events: Int16(POLLIN), revents: 0)) }
        if stderrOpen { fds.append(pollfd(fd: stderrFD, events: Int16(POLLIN), revents: 0)) }
        if stdinFD >= 0 { fds.append(pollfd(fd: stdinFD, events: Int16(POLLOUT), revents: 0)) }
        if !fds.isEmpty {
            _ = poll(&fds, nfds_t(fds.count), 50)
        } else if pauseWhenClosed {
            usleep(10_000)
        }
        for entry in fds where entry.revents != 0 {
            if entry.fd == stdinFD { feedStdin() } else { drain(entry.fd) }
        }
    }

    mutating func closeStdin() {
        if stdinFD >= 0 { close(stdinFD) }
        stdinFD = -1
    }

    /// Writes what the pipe takes; closes stdin when all is written or the child stopped reading.
    private mutating func feedStdin() {
        let n = input.withUnsafeBytes { raw -> Int in
            guard let base = raw.baseAddress else { return 0 }
            return write(stdinFD, base + written, raw.count - written)
        }
        if n > 0 { written += n }
        if n < 0 && errno != EAGAIN && errno != EINTR || written >= input.count { closeStdin() }
    }

    /// Reads one chunk from stdout or stderr; end of file closes that pipe.
    private mutating func drain(_ fd: Int32) {
        let n = buffer.withUnsafeMutableBytes { raw in read(fd, raw.baseAddress, raw.count) }
        if n <= 0 {
            if n < 0 && (errno == EINTR || errno == EAGAIN) { return }
            close(fd)
            if fd == stdoutFD { stdoutOpen = false } else { stderrOpen = false }
            return
        }
        if fd == stdoutFD {
            let room = stdoutLimit - stdout.count
            if room > 0 { stdout.append(contentsOf: buffer[0..<min(n, room)]) }
            if n > room { stdoutTruncated = true }
        } else {
            stderrTail.append(contentsOf: buffer[0..<n])
            if stderrTail.count > stderrTailLimit { stderrTail.removeFirst(stderrTail.count - stderrTailLimit) }
        }
    }
}
