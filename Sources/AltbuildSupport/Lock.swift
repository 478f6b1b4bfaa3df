import Synchronization

/// A lock that guards no value: for serialising side effects, such as
/// writes to one descriptor. State shared between threads belongs in a
/// `Mutex` over that state instead, so the compiler checks every access.
public final class Lock: Sendable {
    private let mutex = Mutex(())

    public init() {}

    public func withLock<T, E: Error>(_ body: () throws(E) -> sending T) throws(E) -> sending T {
        try mutex.withLock { _ throws(E) -> sending T in try body() }
    }
}
