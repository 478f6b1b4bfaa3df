/// What a build's remote cache did, for the summary line and the log.
public struct RemoteCacheCounts: Sendable, Equatable {
    /// Action entries found remotely (and readable), or not there.
    public var hits = 0
    public var misses = 0
    /// Downloads that failed verification: each a miss.
    public var rejected = 0
    /// Action entries sent, each with the objects it names that the remote lacked.
    public var uploads = 0
    public var objectsUp = 0
    /// Body bytes received and sent.
    public var bytesDown: Int64 = 0
    public var bytesUp: Int64 = 0
    /// Uploads dropped at the end of the build (the flush deadline passed, or the remote went away).
    public var dropped = 0
    /// Requests made, whatever their answer.
    public var requests = 0
    /// True once the remote stopped being asked (an outage).
    public var unreachable = false

    public init() {}
}
