
#if canImport(Glibc)
import Glibc
#endif

/// Cancellation shared between whoever decides (a deck's timeout, Ctrl+C)
/// and the work: child processes watching it get SIGTERM, then SIGKILL after
/// their grace period (at once when urgent).
public final class CancelFlag: @unchecked Sendable {
    /// Why work was cancelled, for the error it becomes.
    public enum Reason: Sendable { case timeout, interrupt }

    private let lock = Lock()
    private var cancelled = false
    private var why: Reason?
    private var urgent = false
    private let parent: CancelFlag?

    /// A flag that is also set whenever `parent` is.
    public init(parent: CancelFlag? = nil) {
        self.parent = parent
    }

    public var isCancelled: Bool { lock.withLock { cancelled } || (parent?.isCancelled ?? false) }
    public var isUrgent: Bool { lock.withLock { urgent } || (parent?.isUrgent ?? false) }

    /// The error work stopped by this flag ends with: `E_TIMEOUT` when a
    /// deadline set it, `E_INTERRUPTED` otherwise.
    public func error(path: String?, details: [String: String] = [:]) -> AltbuildError {
        reason == .timeout
            ? AltbuildError(.timedOut, "timed out", path: path, details: details)
            : AltbuildError(.interrupted, "interrupted", path: path, details: details)
    }

    public var reason: Reason? { lock.withLock { why } ?? parent?.reason }

    public func cancel(_ reason: Reason = .interrupt, urgent: Bool = false) {
        lock.withLock {
            cancelled = true
            if why == nil { why = reason }
            if urgent { self.urgent = true }
        }
    }
}
