import AltbuildSupport
/// When and how long to wait before asking a model server again:
/// exponential backoff with jitter on connection errors, 5xx and 429
/// (honouring `Retry-After`), never on other 4xx, which will not get better.
public struct RetryPolicy: Sendable {
    public var attempts: Int
    public var baseDelay: Double
    public var maxDelay: Double

    public init(attempts: Int = 4, baseDelay: Double = 0.5, maxDelay: Double = 20) {
        self.attempts = attempts
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
    }

    public static func isRetryable(status: Int) -> Bool {
        status == 429 || status == 408 || (500...599).contains(status)
    }

    /// Seconds to wait before attempt `attempt + 1` (attempt counts from 1).
    public func delay(afterAttempt attempt: Int, retryAfter: String?) -> Double {
        if let retryAfter, let seconds = Double(retryAfter.trimmingWhitespace()), seconds >= 0 {
            return min(seconds, maxDelay)
        }
        let exponential = min(maxDelay, baseDelay * Double(1 << min(attempt - 1, 10)))
        // Full jitter keeps many clients from retrying in step.
        return Double.random(in: exponential / 2...exponential)
    }
}
