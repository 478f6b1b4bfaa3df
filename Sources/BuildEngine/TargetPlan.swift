public import AltbuildSupport

/// The planner's view of one target: what the files look like now, its key,
/// and the decision.
public struct TargetPlan: Sendable {
    public var input: DiscoveredInput
    public var outputPath: String
    public var inputStatus: FileStatus?
    public var inputDigest: SHA256Digest?
    /// The declared inputs as planning found them.
    public var declaredInputs: [DeclaredInput] = []
    public var key: SHA256Digest?
    public var decision: Decision
    /// A record with fresh file statuses, when planning re-hashed files whose
    /// stat changed but whose content did not; saving it keeps the next no-op cheap.
    public var refreshedRecord: TargetRecord?

    /// The outcome when planning alone settles the target (up to date, or a
    /// failure left alone with `--skip-failed`); nil when it needs work.
    public var settledOutcome: TargetOutcome? {
        switch decision {
        case .upToDate:
            return TargetOutcome(input: input.path, output: outputPath, status: .upToDate, reason: .upToDate)
        case .skipFailed(let reason):
            return TargetOutcome(input: input.path, output: outputPath, status: .skipped, reason: reason)
        case .build, .restore:
            return nil
        }
    }
}
