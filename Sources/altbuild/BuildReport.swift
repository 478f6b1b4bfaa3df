import AltbuildCore
import AltbuildSupport
import BuildEngine

/// What `build --report` writes: every deck's outcome and, from its review
/// file as the build left it, every slot's review state. Keys are part of
/// altbuild's interface (README-reports.md documents them); add, never rename.
struct BuildReport: Encodable {
    var command = "build"
    var version = 1
    /// Seconds from the start of the build (the decks found) to the report.
    var seconds: Double
    /// The counts of the summary line, by name (see `counts`).
    var summary: [String: Int]
    /// Why the build stopped starting decks early (`--keep-going`, `--max-failure-rate`).
    var stopReason: String?
    /// Stopped by SIGINT or SIGTERM.
    var interrupted: Bool
    var decks: [Deck]

    struct Deck: Encodable {
        var path: String
        var output: String
        /// `built`, `restored`, `up-to-date`, `failed`, `skipped`, `interrupted`, or `not-started`.
        var status: String
        var reason: String?
        var seconds: Double
        var describerCalls: Int
        var cacheHits: Int
        var error: ReportError?
        var reviewFile: String
        /// The review file could not be read; `slots` is then empty.
        var reviewError: ReportError?
        var slots: [ReviewListItem]
    }

    /// The summary line's counts under the report's names: `decks` is its
    /// first number, `describerCalls` its describer calls.
    static func counts(_ summary: BuildSummary) -> [String: Int] {
        ["decks": summary.total, "built": summary.built, "restored": summary.restored, "upToDate": summary.upToDate,
         "failed": summary.failed, "skipped": summary.skipped, "interrupted": summary.interrupted,
         "notStarted": summary.notStarted, "describerCalls": summary.calls, "cacheHits": summary.cacheHits]
    }

    /// The states a build leaves for a person to describe: no text at all, or a name for one.
    static let needingReview: Set<ReviewState> = [.needsReview, .placeholder, .missing]

    /// The report of a build that ended with `summary`, reading each deck's
    /// review file now, after the build wrote it.
    init(_ outcomes: BuildOutcomes, summary: BuildSummary, stopReason: StopReason?, interrupted: Bool, project: Project) {
        seconds = ReportSeconds.rounded(monotonicSeconds() - outcomes.started)
        self.summary = Self.counts(summary)
        self.stopReason = stopReason?.text
        self.interrupted = interrupted
        decks = zip(outcomes.inputs, outcomes.outcomes).map { input, outcome in
            Deck(input: input, outcome: outcome, project: project)
        }
    }
}

extension BuildReport.Deck {
    /// A deck with no outcome was never started: the build stopped first.
    init(input: DiscoveredInput, outcome: TargetOutcome?, project: Project) {
        path = input.path
        output = outcome?.output ?? project.outputPath(input)
        status = outcome?.status.rawValue ?? "not-started"
        reason = outcome?.reason.text
        seconds = ReportSeconds.rounded(outcome?.seconds ?? 0)
        describerCalls = outcome?.calls ?? 0
        cacheHits = outcome?.cacheHits ?? 0
        if outcome?.status == .failed { error = ReportError(outcome?.error) }
        reviewFile = project.reviewPath(input)
        slots = []
        do {
            slots = try ReviewFile.load(reviewFile)?.slots.map { ReviewListItem(deck: input.path, $0) } ?? []
        } catch {
            reviewError = ReportError(thrown: error)
        }
    }

    /// Whether the deck's review file speaks for the deck as it is now: it was
    /// built, restored or already up to date. After a failure it is the one
    /// an earlier build wrote, if any.
    var isCurrent: Bool {
        status == TargetStatus.built.rawValue || status == TargetStatus.restored.rawValue || status == TargetStatus.upToDate.rawValue
    }

    /// The slots the build could not describe, and a person must.
    var slotsNeedingReview: [ReviewListItem] {
        slots.filter { !$0.stale && BuildReport.needingReview.contains($0.state) }
    }
}

/// An error as reports show it: the stable code and the message.
struct ReportError: Encodable {
    var code: String
    var message: String

    /// A failure without an error of its own still needs a code to report.
    init(_ error: AltbuildError?) {
        code = error?.code.rawValue ?? ErrorCode.internalError.rawValue
        message = error?.message ?? "failed without an error message"
    }

    init(thrown error: any Error) {
        self.init((error as? AltbuildError) ?? AltbuildError(.internalError, "\(error)"))
    }
}

/// Seconds in reports, to the millisecond: finer is noise.
enum ReportSeconds {
    static func rounded(_ seconds: Double) -> Double {
        (max(0, seconds) * 1000).rounded() / 1000
    }
}
