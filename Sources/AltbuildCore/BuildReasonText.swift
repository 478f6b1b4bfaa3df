public import BuildEngine
import AltbuildSupport

/// The engine's reasons in altbuild's words, with its flag names: what
/// `explain`, `status`, `--dry-run`, the progress lines and the log say.
extension BuildReason {
    public var text: String {
        switch self {
        case .upToDate: return "up to date"
        case .new: return "new: never built"
        case .inputMissing: return "input missing or not a regular file"
        case .inputUnreadable: return "input unreadable"
        case .forced: return "forced with --force"
        case .inputChanged(let from, let to): return "input changed (sha256 \(short(from)) → \(short(to)))"
        case .declaredInputChanged(let path, nil, _): return "input \(path) appeared"
        case .declaredInputChanged(let path, _, nil): return "input \(path) went away"
        case .declaredInputChanged(let path, let from, let to): return "input \(path) changed (sha256 \(short(from)) → \(short(to)))"
        case .configurationChanged(let changes): return Self.text(changes)
        case .previousFailure(let code, let message):
            let error = [code, message].compactMap { $0 }.joined(separator: ": ")
            return "previous build failed: " + (error.isEmpty ? "unknown error" : error)
        case .keyChanged(let from, let to): return "action key changed (\(short(from)) → \(short(to)))"
        case .requested: return "rebuild requested"
        case .outputMissing: return "output missing"
        case .outputModified(let from, let to): return "output modified (sha256 \(short(from)) → \(short(to)))"
        case .notInCache(let reason): return reason.text + "; not in the cache any more"
        case .skippedFailure(let reason): return reason.text + "; skipped (--skip-failed)"
        }
    }

    /// A new altbuild version first, then each setting by name.
    static func text(_ changes: [ConfigurationChange]) -> String {
        var parts: [String] = []
        for change in changes {
            let values = "(\(change.from ?? "unset") → \(change.to ?? "unset"))"
            if change.name == "altbuild.version" {
                parts.insert("altbuild version changed \(values)", at: 0)
            } else {
                parts.append("config \(change.name) changed \(values)")
            }
        }
        return parts.isEmpty ? "configuration changed" : parts.joined(separator: "; ")
    }
}

/// The first 8 hex digits and an ellipsis, or "none".
func short(_ digest: SHA256Digest?) -> String {
    digest.map { String($0.hex.prefix(8)) + "…" } ?? "none"
}

extension StopReason {
    public var text: String {
        switch self {
        case .failureCount(let failed, let limit):
            return "stopped after \(failed) failure\(failed == 1 ? "" : "s") (--keep-going \(limit))"
        case .failureRate(let failed, let finished, let rate, let sample):
            return "stopped: \(failed) of \(finished) finished decks failed, over the --max-failure-rate of \(rate) (checked after \(sample) decks)"
        }
    }
}

extension BuildSummary {
    /// The closing line of a build.
    public var line: String { line(counted: "\(total) decks") }

    /// The closing line, opened by `counted`: how many decks it speaks of
    /// (`20 decks`, or a shard's `shard 2/3: 7 of 20 decks`).
    public func line(counted: String) -> String {
        var text = "\(counted): \(built) built, \(restored) restored from cache, \(upToDate) up to date, \(failed) failed"
        if skipped > 0 { text += ", \(skipped) skipped" }
        if interrupted > 0 { text += ", \(interrupted) interrupted" }
        if notStarted > 0 { text += ", \(notStarted) not started" }
        text += "; \(calls) describer call" + (calls == 1 ? "" : "s")
        if bookkeepingFailures > 0 {
            text += "; \(bookkeepingFailures) state write\(bookkeepingFailures == 1 ? "" : "s") failed (see the log): the next build may redo work"
        }
        return text
    }
}
