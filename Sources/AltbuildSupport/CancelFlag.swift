import Synchronization

/// Cancellation shared between whoever decides (a deck's timeout, Ctrl+C)
/// and the work: child processes watching it get SIGTERM, then SIGKILL after
/// their grace period (at once when urgent).
public final class CancelFlag: Sendable {
    /// Why work was cancelled, for the error it becomes.
    public enum Reason: Sendable { case timeout, interrupt }

    private struct State {
        var why: Reason?
        var urgent = false
        var timeLimit: Double?
    }

    private let state = Mutex(State())
    private let parent: CancelFlag?

    /// A flag that is also set whenever `parent` is.
    public init(parent: CancelFlag? = nil) {
        self.parent = parent
    }

    public var isCancelled: Bool { state.withLock { $0.why != nil } || (parent?.isCancelled ?? false) }
    public var isUrgent: Bool { state.withLock { $0.urgent } || (parent?.isUrgent ?? false) }

    /// The error work stopped by this flag ends with: `E_TIMEOUT` when a
    /// deadline set it, `E_INTERRUPTED` otherwise.
    public func error(path: String?, details: [String: String] = [:]) -> AltbuildError {
        reason == .timeout
            ? AltbuildError(.timedOut, "timed out", path: path, details: details)
            : AltbuildError(.interrupted, "interrupted", path: path, details: details)
    }

    public var reason: Reason? { state.withLock { $0.why } ?? parent?.reason }

    /// The seconds allowed by the deadline that set this flag, for the message saying it expired.
    public var timeLimit: Double? { state.withLock { $0.timeLimit } ?? parent?.timeLimit }

    /// Sets the flag; `timeLimit` is the deadline's length when one expired.
    public func cancel(_ reason: Reason = .interrupt, urgent: Bool = false, timeLimit: Double? = nil) {
        state.withLock { state in
            if state.why == nil {
                state.why = reason
                state.timeLimit = timeLimit
            }
            if urgent { state.urgent = true }
        }
    }
}
