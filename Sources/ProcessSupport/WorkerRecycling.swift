/// When a pool replaces a worker that is still healthy by a fresh process.
/// A worker that crashed, hung or was cancelled is always replaced; these
/// bound what one worker's history can do to the requests after it: leaked
/// or fragmented memory counting against its address-space limit, and state
/// a hostile input might have left in a C library.
public struct WorkerRecycling: Sendable {
    /// Requests a worker serves before it is replaced.
    public var maxRequests: Int
    /// How far a worker's address space (`VmSize`, what `RLIMIT_AS` counts)
    /// may grow past what it was when fresh before it is replaced; nil for
    /// no bound. Growth is what earlier requests left behind: leaks, or a
    /// heap a large input grew that the allocator keeps.
    public var maxAddressSpaceGrowth: Int?
    /// Whether a reply leaves its worker fit to serve again: the protocol
    /// above the pool decides (altbuild replaces a worker after any failed deck).
    public var reusableAfter: @Sendable ([UInt8]) -> Bool

    public init(maxRequests: Int, maxAddressSpaceGrowth: Int? = nil, reusableAfter: @escaping @Sendable ([UInt8]) -> Bool = { _ in true }) {
        self.maxRequests = maxRequests
        self.maxAddressSpaceGrowth = maxAddressSpaceGrowth
        self.reusableAfter = reusableAfter
    }
}
