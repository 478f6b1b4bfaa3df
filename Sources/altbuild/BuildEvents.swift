import BuildEngine
import Logging

/// What `build` writes to its JSON-lines log besides messages: the metadata
/// of its `start`, `deck` and `end` events, which scripts and `cache stats`
/// read, so their keys stay as they are.
enum BuildEvents {
    static func started(decks: Int, jobs: Int, timeout: Double?, configuration: String) -> Logger.Metadata {
        [
            "event": "start", "decks": "\(decks)", "jobs": "\(jobs)",
            "timeout": "\(timeout.map(formatDuration) ?? "none")", "configuration": "\(configuration)",
        ]
    }

    static func finished(_ result: BuildResult) -> Logger.Metadata {
        let summary = result.summary
        return [
            "event": "end", "built": "\(summary.built)", "restored": "\(summary.restored)",
            "up_to_date": "\(summary.upToDate)", "failed": "\(summary.failed)", "skipped": "\(summary.skipped)",
            "interrupted": "\(summary.interrupted)", "not_started": "\(summary.notStarted)",
            "describer_calls": "\(summary.calls)", "peak_rss_kib": "\(peakRSSKiB())",
            "stop_reason": "\(result.stopReason?.text ?? (result.interrupted ? "interrupted" : "none"))",
        ]
    }

    /// The end of a build that found every deck up to date (or skipped).
    static func finished(nothingToDo summary: BuildSummary) -> Logger.Metadata {
        [
            "event": "end", "built": "0", "restored": "0", "up_to_date": "\(summary.upToDate)",
            "failed": "0", "skipped": "\(summary.skipped)", "describer_calls": "0", "peak_rss_kib": "\(peakRSSKiB())",
        ]
    }

    /// One deck's outcome: failures as errors (on the console by default),
    /// builds with `-v`, the rest only in the log file.
    static func log(_ outcome: TargetOutcome, index: Int, logger: Logger) {
        let metadata = deck(outcome, index: index)
        for warning in outcome.warnings { logger.warning("\(outcome.input): \(warning)", metadata: ["event": "warning", "deck": "\(outcome.input)"]) }
        switch outcome.status {
        case .failed:
            logger.error("\(outcome.input): \(outcome.error.map { "\($0.code): \($0.message)" } ?? "failed")", metadata: metadata)
        case .built, .restored:
            logger.debug("\(outcome.status.rawValue) \(outcome.input): \(outcome.reason.text)", metadata: metadata)
        case .interrupted:
            logger.info("interrupted \(outcome.input)", metadata: metadata)
        case .upToDate, .skipped:
            logger.trace("\(outcome.status.rawValue) \(outcome.input)", metadata: metadata)
        }
    }

    private static func deck(_ outcome: TargetOutcome, index: Int) -> Logger.Metadata {
        var metadata: Logger.Metadata = [
            "event": "deck", "deck": "\(outcome.input)", "index": "\(index)", "status": "\(outcome.status.rawValue)",
            "seconds": "\((outcome.seconds * 1000).rounded() / 1000)", "reason": "\(outcome.reason.text)",
        ]
        if let error = outcome.error {
            metadata["code"] = "\(error.code.rawValue)"
            metadata["error"] = "\(error.message)"
            for (key, value) in error.details { metadata[key] = "\(value)" }
        }
        return metadata
    }
}
