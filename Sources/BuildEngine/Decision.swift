/// What the planner decided for one target, with the reason a user sees in
/// `explain`, `status` and `--dry-run`.
public enum Decision: Sendable, Equatable {
    case upToDate
    /// The output is missing or was changed; the recorded result is in the store.
    case restore(reason: String)
    /// The target must be built (or fetched from the action cache by its new key).
    case build(reason: String)
    /// It failed before with the same key and `--skip-failed` was given.
    case skipFailed(reason: String)

    public var reason: String {
        switch self {
        case .upToDate: return "up to date"
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
