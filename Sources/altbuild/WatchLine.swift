import AltbuildCore
import BuildEngine
#if canImport(Glibc)
import Glibc
#endif

/// The one line `watch` prints per build:
/// `12:03:04 rebuilt 1 of 20 decks (0 failed) in 0.4 s`, the time local
/// (it answers "did my save get built?"), the count the decks rebuilt or
/// restored, and what stopped a build early, if anything did.
enum WatchLine {
    /// The line for a pass, or nil for one that rebuilt and failed nothing
    /// after the first (a deck touched but not changed, or the decks an
    /// in-place build had just written): it has nothing to say.
    static func line(_ ending: BuildPass.Ending, first: Bool, seconds: Double, at time: time_t = time(nil)) -> String? {
        let summary = ending.summary
        let rebuilt = summary.built + summary.restored
        guard case .ran(let result) = ending,
              rebuilt > 0 || summary.failed > 0 || result.interrupted || result.stopReason != nil else {
            // Nothing built, or only records refreshed (a deck touched, not changed).
            return first ? "\(clock(time)) \(summary.total) decks up to date" : nil
        }
        var line = "\(clock(time)) \(first ? "built" : "rebuilt") \(rebuilt) of \(summary.total) decks (\(summary.failed) failed) in \(tenths(seconds)) s"
        if let reason = result.stopReason { line += "; \(reason.text)" }
        if result.interrupted { line += "; interrupted" }
        if summary.bookkeepingFailures > 0 { line += "; \(summary.bookkeepingFailures) state writes failed (see the log)" }
        return line
    }

    /// `HH:MM:SS` in local time.
    static func clock(_ time: time_t) -> String {
        var seconds = time
        var parts = tm()
        localtime_r(&seconds, &parts)
        func pad(_ n: Int32) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(pad(parts.tm_hour)):\(pad(parts.tm_min)):\(pad(parts.tm_sec))"
    }

    private static func tenths(_ seconds: Double) -> String {
        let tenths = Int((seconds * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }
}
