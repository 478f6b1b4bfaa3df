#if canImport(Glibc)
import Glibc
#endif

/// The parent's ends of a long-lived child's pipes during one request,
/// moved along without blocking: the request frame is written as the child
/// reads it, the reply frame is read as it comes (and refused past its
/// bound), and the tail of stderr is kept. Unlike `ChildPipes`, stdin stays
/// open for the next request and stdout is read up to the reply, not to its end.
struct ExchangePipes {
    private let request: [UInt8]
    private var written = 0
    private let stdinFD: Int32
    private let stdoutFD: Int32
    private let stderrFD: Int32
    private(set) var stdoutOpen = true
    private(set) var stderrOpen = true
    private var stdinOpen = true
    private let stderrTailLimit: Int
    private var buffer = [UInt8](repeating: 0, count: 65536)

    private(set) var reply: FrameReader
    private(set) var stderrTail: [UInt8] = []

    init(request: [UInt8], stdin: Int32, stdout: Int32, stderr: Int32, replyLimit: Int, stderrTailLimit: Int) {
        self.request = Frame.encode(request)
        stdinFD = stdin
        stdoutFD = stdout
        stderrFD = stderr
        reply = FrameReader(limit: replyLimit)
        self.stderrTailLimit = stderrTailLimit
    }

    /// Waits up to 50 ms for a pipe to be ready and moves what it can; with
    /// nothing left to wait on, sleeps 10 ms instead (the child has yet to
    /// exit). Returns whether any pipe was ready.
    mutating func pump() -> Bool {
        var fds: [pollfd] = []
        if stdoutOpen { fds.append(pollfd(fd: stdoutFD, events: Int16(POLLIN), revents: 0)) }
        if stderrOpen { fds.append(pollfd(fd: stderrFD, events: Int16(POLLIN), revents: 0)) }
        if stdinOpen && written < request.count { fds.append(pollfd(fd: stdinFD, events: Int16(POLLOUT), revents: 0)) }
        guard !fds.isEmpty else {
            usleep(10_000)
            return false
        }
        guard poll(&fds, nfds_t(fds.count), 50) > 0 else { return false }
        for entry in fds where entry.revents != 0 {
            if entry.fd == stdinFD { feedStdin() } else if entry.fd == stdoutFD { readReply() } else { drainStderr() }
        }
        return true
    }

    /// Writes what the pipe takes; a child that is gone (EPIPE) gets no more.
    private mutating func feedStdin() {
        let n = request.withUnsafeBytes { raw -> Int in
            guard let base = raw.baseAddress else { return 0 }
            return write(stdinFD, base + written, raw.count - written)
        }
        if n > 0 { written += n }
        if n < 0 && errno != EAGAIN && errno != EINTR { stdinOpen = false }
    }

    /// Reads one chunk of the reply, no further than its end; end of file
    /// means the child is gone. Bytes a child writes after its reply stay in
    /// the pipe, where `PersistentChild.isIdle` finds them before the next request.
    private mutating func readReply() {
        let wanted = min(buffer.count, reply.remaining)
        guard wanted > 0 else { return }
        let n = buffer.withUnsafeMutableBytes { raw in read(stdoutFD, raw.baseAddress, wanted) }
        if n < 0 && (errno == EINTR || errno == EAGAIN) { return }
        if n <= 0 { stdoutOpen = false; return }
        reply.take(buffer[0..<n])
    }

    /// Reads what stderr holds now, keeping the tail; end of file closes it.
    mutating func drainStderr() {
        while stderrOpen {
            let n = buffer.withUnsafeMutableBytes { raw in read(stderrFD, raw.baseAddress, raw.count) }
            if n < 0 && errno == EINTR { continue }
            if n < 0 { return }
            if n == 0 { stderrOpen = false; return }
            stderrTail.append(contentsOf: buffer[0..<n])
            if stderrTail.count > stderrTailLimit { stderrTail.removeFirst(stderrTail.count - stderrTailLimit) }
        }
    }
}
