public import AltbuildSupport

/// How one target ended.
public enum TargetStatus: String, Sendable, Codable {
    case built
    case restored
    case upToDate = "up-to-date"
    case failed
    case skipped
    /// In flight when the build was interrupted; not recorded, built next time.
    case interrupted
}

/// One target's result, as the progress output and the summary report it.
public struct TargetOutcome: Sendable {
    public var input: String
    public var output: String
    public var status: TargetStatus
    /// Why the target was (re)built or restored.
    public var reason: BuildReason
    /// One line about what was done, in the action's own words.
    public var detail: String
    public var error: AltbuildError?
    public var seconds: Double
    public var calls: Int
    public var cacheHits: Int
    public var warnings: [String] = []
    /// State records about this target that could not be written (logged).
    public var bookkeepingFailures = 0

    public init(input: String, output: String, status: TargetStatus, reason: BuildReason = .requested, detail: String = "",
                error: AltbuildError? = nil, seconds: Double = 0, calls: Int = 0, cacheHits: Int = 0) {
        self.input = input
        self.output = output
        self.status = status
        self.reason = reason
        self.detail = detail
        self.error = error
        self.seconds = seconds
        self.calls = calls
        self.cacheHits = cacheHits
    }
}

/// Totals over a build, in a fixed order whatever order targets finished in.
public struct BuildSummary: Sendable, Equatable {
    public var built = 0
    public var restored = 0
    public var upToDate = 0
    public var failed = 0
    public var skipped = 0
    public var interrupted = 0
    /// Targets never started because the build stopped early.
    public var notStarted = 0
    /// Expensive sub-step calls the actions made, and answers served from a cache instead.
    public var calls = 0
    public var cacheHits = 0
    /// Bookkeeping writes that failed (state records, compaction); each was logged.
    public var bookkeepingFailures = 0

    public init() {}

    public mutating func add(_ outcome: TargetOutcome) {
        switch outcome.status {
        case .built: built += 1
        case .restored: restored += 1
        case .upToDate: upToDate += 1
        case .failed: failed += 1
        case .skipped: skipped += 1
        case .interrupted: interrupted += 1
        }
        calls += outcome.calls
        cacheHits += outcome.cacheHits
        bookkeepingFailures += outcome.bookkeepingFailures
    }

    public var total: Int { built + restored + upToDate + failed + skipped + interrupted + notStarted }
}
