/// How a build runs: parallelism, deadlines and when to give up. None of it
/// changes outputs, so none of it is in any key.
public struct ExecutionOptions: Sendable {
    /// Targets built at once.
    public var jobs: Int
    /// Seconds one target may take, describing included; nil for no limit.
    public var timeout: Double?
    /// Stop scheduling after this many failures, like `make -k`/`ninja -k`; 0 never stops.
    public var keepGoing: Int
    /// Stop scheduling when more than this fraction of finished targets failed...
    public var maxFailureRate: Double?
    /// ...once at least this many have finished.
    public var failureRateMinimumSample: Int

    public init(jobs: Int = 1, timeout: Double? = nil, keepGoing: Int = 0, maxFailureRate: Double? = nil,
                failureRateMinimumSample: Int = 10) {
        self.jobs = jobs
        self.timeout = timeout
        self.keepGoing = keepGoing
        self.maxFailureRate = maxFailureRate
        self.failureRateMinimumSample = failureRateMinimumSample
    }

    /// Why scheduling should stop now, or nil to go on.
    public func stopReason(failed: Int, finished: Int) -> StopReason? {
        if keepGoing > 0 && failed >= keepGoing {
            return .failureCount(failed: failed, limit: keepGoing)
        }
        if let rate = maxFailureRate, finished >= failureRateMinimumSample, Double(failed) / Double(finished) > rate {
            return .failureRate(failed: failed, finished: finished, rate: rate, minimumSample: failureRateMinimumSample)
        }
        return nil
    }
}

/// The result of a batch: counts, and why it stopped early if it did.
public struct BuildResult: Sendable {
    public var summary: BuildSummary
    public var stopReason: StopReason?
    public var interrupted: Bool
}

/// `1m30s`, `10m`, `2.5s`.
public func formatDuration(_ seconds: Double) -> String {
    if seconds < 60 {
        let rounded = (seconds * 10).rounded() / 10
        return (rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)) + "s"
    }
    let total = Int(seconds.rounded())
    let hours = total / 3600, minutes = (total % 3600) / 60, secs = total % 60
    var text = ""
    if hours > 0 { text += "\(hours)h" }
    if minutes > 0 { text += "\(minutes)m" }
    if secs > 0 { text += "\(secs)s" }
    return text
}
