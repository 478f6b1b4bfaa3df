public import AltbuildSupport

/// How one target ended.
public enum TargetStatus: String, Sendable, Codable {
    case built
    case upToDate = "up-to-date"
    case failed
}

/// One target's result, as the summary and the log report it.
public struct TargetOutcome: Sendable {
    public var input: String
    public var output: String
    public var status: TargetStatus
    /// One line about what was done ("5 slots: 3 described, 2 kept").
    public var detail: String
    public var error: AltbuildError?
    public var seconds: Double

    public init(input: String, output: String, status: TargetStatus, detail: String = "",
                error: AltbuildError? = nil, seconds: Double = 0) {
        self.input = input
        self.output = output
        self.status = status
        self.detail = detail
        self.error = error
        self.seconds = seconds
    }
}

/// Totals over a build, in a fixed order whatever order targets finished in.
public struct BuildSummary: Sendable, Equatable {
    public var built = 0
    public var upToDate = 0
    public var failed = 0

    public init() {}

    public mutating func add(_ status: TargetStatus) {
        switch status {
        case .built: built += 1
        case .upToDate: upToDate += 1
        case .failed: failed += 1
        }
    }

    public var total: Int { built + upToDate + failed }

    public var line: String {
        "\(total) decks: \(built) built, \(upToDate) up to date, \(failed) failed"
    }
}
