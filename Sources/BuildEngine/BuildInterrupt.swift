public import AltbuildSupport

/// Ctrl+C and SIGTERM, as the executor sees them: first, stop scheduling and
/// let running targets finish within a grace period; then cancel them
/// (`work`), which kills their processes. Set by the signal handling of the
/// command-line layer; the engine installs no handlers itself.
public final class BuildInterrupt: @unchecked Sendable {
    private let lock = Lock()
    private var stop = false
    private var signalNumber: Int32?
    /// Cancelled when running targets must end.
    public let work = CancelFlag()

    public init() {}

    public var stopRequested: Bool { lock.withLock { stop } }
    public var signal: Int32? { lock.withLock { signalNumber } }

    public func requestStop(signal: Int32) {
        lock.withLock {
            stop = true
            if signalNumber == nil { signalNumber = signal }
        }
    }
}
