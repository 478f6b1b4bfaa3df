public import AltbuildSupport

/// The planner's view of one target: what the files look like now, its key,
/// and the decision.
public struct TargetPlan: Sendable {
    public var input: DiscoveredInput
    public var outputPath: String
    public var inputStatus: FileStatus?
    public var inputDigest: SHA256Digest?
    public var key: SHA256Digest?
    public var decision: Decision
    /// A record with fresh file statuses, when planning re-hashed files whose
    /// stat changed but whose content did not; saving it keeps the next no-op cheap.
    public var refreshedRecord: TargetRecord?
}
