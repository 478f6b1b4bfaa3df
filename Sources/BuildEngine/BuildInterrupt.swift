public import AltbuildSupport
import Synchronization

/// Ctrl+C and SIGTERM, as the executor sees them: first, stop scheduling and
/// let running targets finish within a grace period; then cancel them
/// (`work`), which kills their processes. Set by the signal handling of the
/// command-line layer; the engine installs no handlers itself.
public final class BuildInterrupt: Sendable {
    /// The first signal received; nil until one is.
    private let received = Mutex<Int32?>(nil)
    /// Cancelled when running targets must end.
    public let work = CancelFlag()

    public init() {}

    public var stopRequested: Bool { received.withLock { $0 != nil } }
    public var signal: Int32? { received.withLock { $0 } }

    public func requestStop(signal: Int32) {
        received.withLock { if $0 == nil { $0 = signal } }
    }
}
