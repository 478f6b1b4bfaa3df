import AltbuildSupport
#if canImport(Glibc)
import Glibc
#endif

/// A child's deadline and cancellation, checked as it runs: when time is up
/// or the work is cancelled its process group gets SIGTERM, and SIGKILL once
/// the grace period has passed (at once when the cancellation is urgent, a
/// second Ctrl+C), so a child that ignores SIGTERM still ends.
struct ChildDeadline {
    private let pid: pid_t
    private let timeout: Double?
    private let killGrace: Double
    private let start = monotonicSeconds()
    private var termSentAt: Double?
    private(set) var timedOut = false
    private(set) var cancelled = false

    init(pid: pid_t, timeout: Double?, killGrace: Double) {
        self.pid = pid
        self.timeout = timeout
        self.killGrace = killGrace
    }

    /// Any of `flags` cancels: a pool worker answers to its request's flag
    /// and to the pool's own, set when the pool shuts down.
    mutating func enforce(_ flags: CancelFlag...) {
        let now = monotonicSeconds()
        if let sent = termSentAt {
            if now - sent >= (flags.contains { $0.isUrgent } ? 0 : killGrace) { kill(-pid, SIGKILL) }
            return
        }
        if let timeout, now - start >= timeout { timedOut = true }
        if flags.contains(where: { $0.isCancelled }) { cancelled = true }
        if timedOut || cancelled {
            kill(-pid, SIGTERM)
            termSentAt = now
        }
    }
}
