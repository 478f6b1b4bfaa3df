/// What the planner decided for one target, and why (`explain`, `status`
/// and `--dry-run` show the reason).
public enum Decision: Sendable, Equatable {
    case upToDate
    /// The output is missing or was changed; the recorded result is in the store.
    case restore(reason: BuildReason)
    /// The target must be built (or fetched from the action cache by its new key).
    case build(reason: BuildReason)
    /// It failed before with the same key, and the caller asked to skip known failures.
    case skipFailed(reason: BuildReason)

    public var reason: BuildReason {
        switch self {
        case .upToDate: return .upToDate
        case .restore(let reason), .build(let reason), .skipFailed(let reason): return reason
        }
    }

    public var needsWork: Bool {
        switch self {
        case .upToDate, .skipFailed: return false
        case .restore, .build: return true
        }
    }
}
