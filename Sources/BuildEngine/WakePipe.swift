import AltbuildSupport
#if canImport(Glibc)
import Glibc
#endif

/// A pipe a blocked `poll` can be woken through: `wake` writes a byte to
/// it from any thread, and the waiter sees its read end readable. A byte
/// stays until `drain`, so a wake that comes before the wait is not lost.
final class WakePipe: Sendable {
    let readEnd: Int32
    private let writeEnd: Int32

    init() throws {
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else {
            throw AltbuildError(.io, "cannot make a pipe to wake the watcher: \(FileIO.errnoText())")
        }
        // Not inherited by workers; a full pipe (wakes nobody read) never blocks the signal handler.
        for end in ends {
            _ = fcntl(end, F_SETFD, FD_CLOEXEC)
            _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
        }
        readEnd = ends[0]
        writeEnd = ends[1]
    }

    deinit {
        close(readEnd)
        close(writeEnd)
    }

    func wake() {
        var byte: UInt8 = 1
        _ = write(writeEnd, &byte, 1)
    }

    /// Whether a wake is pending, leaving it pending.
    var isAwake: Bool {
        var entry = pollfd(fd: readEnd, events: Int16(POLLIN), revents: 0)
        return poll(&entry, 1, 0) > 0
    }

    /// Waits up to `timeout` seconds (nil: without end) for `descriptor` (if
    /// any) to be readable or a wake; returns which, `nil` for neither.
    func wait(for descriptor: Int32?, timeout: Double?) -> Readiness {
        var entries = [pollfd(fd: readEnd, events: Int16(POLLIN), revents: 0)]
        if let descriptor { entries.append(pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)) }
        let milliseconds = timeout.map { Int32(min($0 * 1000, Double(Int32.max)).rounded(.up)) } ?? -1
        let ready = poll(&entries, nfds_t(entries.count), milliseconds)
        if ready <= 0 { return ready < 0 && errno == EINTR ? .interrupted : .timedOut }
        if entries[0].revents != 0 { return .woken }
        return .readable
    }

    enum Readiness { case readable, woken, timedOut, interrupted }

    /// A watcher's `wait`: looks for a change (`look`, which does not block)
    /// and pauses between looks (`pause`, given the time left), until a
    /// change, the deadline or a wake. A change already there (made during a
    /// build) is found by the first look, without waiting.
    func waitForChange(timeout: Double?, look: () -> Bool, pause: (Double?) -> Readiness) -> ChangeWait {
        let deadline = timeout.map { monotonicSeconds() + $0 }
        while true {
            if isAwake { return .woken }
            if look() { return .changed }
            let remaining = deadline.map { $0 - monotonicSeconds() }
            if let remaining, remaining <= 0 { return .quiet }
            if pause(remaining) == .woken { return .woken }
        }
    }
}
