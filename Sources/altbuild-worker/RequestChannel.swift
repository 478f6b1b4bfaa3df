import AltbuildCore
import AltbuildSupport
#if canImport(Glibc)
import Glibc
#endif

/// A pool worker's private line to the parent. The pipes the parent gave
/// as stdin and stdout are moved to descriptors of their own, and fds 0 and
/// 1 become /dev/null and stderr: a C library that prints to stdout or reads
/// stdin can then neither forge nor corrupt a frame, and what it prints
/// lands in the stderr tail the parent keeps for the error report.
struct RequestChannel {
    private let requests: Int32
    private let replies: Int32

    static func claim() -> RequestChannel {
        let requests = fcntl(STDIN_FILENO, F_DUPFD_CLOEXEC, 3)
        let replies = fcntl(STDOUT_FILENO, F_DUPFD_CLOEXEC, 3)
        guard requests >= 0, replies >= 0 else { fail("cannot set up the request channel: \(FileIO.errnoText())") }
        let null = open("/dev/null", O_RDONLY | O_CLOEXEC)
        guard null >= 0, dup2(null, STDIN_FILENO) >= 0, dup2(STDERR_FILENO, STDOUT_FILENO) >= 0 else {
            fail("cannot set up the request channel: \(FileIO.errnoText())")
        }
        close(null)
        return RequestChannel(requests: requests, replies: replies)
    }

    /// The next request's payload; nil when stdin has ended (the pool is
    /// done with this worker). A header announcing more than any request
    /// holds, or a request cut short, means the parent is not speaking this
    /// protocol: the worker says so and exits.
    func nextRequest() -> [UInt8]? {
        guard let header = read(WorkerMessages.frameHeaderLength, endAllowed: true) else { return nil }
        let length = WorkerMessages.frameLength(header: header)
        guard length <= WorkerMessages.requestLimit else { Self.fail("a request of \(length) bytes is over the bound") }
        return read(length, endAllowed: false) ?? []
    }

    func send(_ payload: [UInt8]) {
        do {
            try FileIO.writeAll(replies, WorkerMessages.frame(payload), path: "the reply pipe")
        } catch {
            // The parent is gone or stopped reading: nobody is waiting for this worker.
            exit(0)
        }
    }

    /// Exactly `count` bytes; nil at a clean end of input before the first byte when `endAllowed`.
    private func read(_ count: Int, endAllowed: Bool) -> [UInt8]? {
        var bytes = [UInt8](repeating: 0, count: count)
        var filled = 0
        while filled < count {
            let n = bytes.withUnsafeMutableBytes { Glibc.read(requests, $0.baseAddress.map { $0 + filled }, count - filled) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 {
                if filled == 0 && endAllowed { return nil }
                Self.fail("the request ended after \(filled) of \(count) bytes")
            }
            filled += n
        }
        return bytes
    }

    private static func fail(_ message: String) -> Never {
        FileIO.writeAll(STDERR_FILENO, "altbuild-worker: \(message)\n")
        exit(2)
    }
}
