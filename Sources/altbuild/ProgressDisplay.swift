import ArgumentParser
import BuildEngine
#if canImport(Glibc)
import Glibc
#endif

/// How progress is shown: one updating line on a terminal, plain lines
/// elsewhere, JSON lines for machines, or nothing.
enum ProgressMode: String, ExpressibleByArgument, CaseIterable {
    case auto, tty, plain, json, none
}

/// Progress of a build, fed each finished deck. Only called from the task
/// that collects outcomes, so it needs no lock.
final class ProgressDisplay {
    private let mode: ProgressMode
    private let quiet: Bool
    private let color: Bool
    private var counts = BuildSummary()
    private var workSeconds = 0.0
    private var worked = 0
    private let total: Int
    private let jobs: Int
    private var lineShown = false

    init(mode: ProgressMode, total: Int, jobs: Int, quiet: Bool) {
        let resolved: ProgressMode = mode == .auto ? (isatty(STDOUT_FILENO) == 1 ? .tty : .plain) : mode
        self.mode = quiet && resolved != .json ? .none : resolved
        self.quiet = quiet
        self.total = total
        self.jobs = max(1, jobs)
        color = resolved == .tty && getenv("NO_COLOR") == nil
    }

    func update(_ outcome: TargetOutcome, index: Int) {
        counts.add(outcome)
        let done = counts.total, failed = counts.failed
        if outcome.status == .built || outcome.status == .failed || outcome.status == .restored {
            worked += 1
            workSeconds += outcome.seconds
        }
        switch mode {
        case .none, .auto:
            return
        case .json:
            var fields = [
                ("index", String(index)), ("total", String(total)), ("input", JSONText.string(outcome.input)),
                ("output", JSONText.string(outcome.output)), ("status", JSONText.string(outcome.status.rawValue)),
                ("reason", JSONText.string(outcome.reason.text)), ("detail", JSONText.string(outcome.detail)),
                ("seconds", String((outcome.seconds * 1000).rounded() / 1000)),
            ]
            if let error = outcome.error {
                fields.append(("error", JSONText.object([("code", JSONText.string(error.code.rawValue)), ("message", JSONText.string(error.message))])))
            }
            Console.out(JSONText.object(fields))
        case .plain:
            let counter = "[\(done)/\(total)]"
            switch outcome.status {
            case .built: Console.out("\(counter) built \(outcome.input) -> \(outcome.output): \(outcome.detail)")
            case .restored: Console.out("\(counter) restored \(outcome.output) from cache (\(outcome.reason.text))")
            case .failed: Console.out("\(counter) failed \(outcome.input) (\(outcome.error?.code.rawValue ?? "error"); details on stderr and in the build log)")
            case .interrupted: Console.out("\(counter) interrupted \(outcome.input)")
            case .upToDate, .skipped: break
            }
        case .tty:
            if outcome.status == .upToDate || outcome.status == .skipped { if done < total && done % 50 != 0 { return } }
            let name = outcome.input.split(separator: "/").last.map(String.init) ?? outcome.input
            var line = "[\(done)/\(total)] \(name) \(formatDuration(outcome.seconds)) · ok \(counts.built) · "
            line += (color && failed > 0 ? "\u{1B}[31mfailed \(failed)\u{1B}[0m" : "failed \(failed)") + " · cached \(counts.restored + counts.upToDate)"
            if worked > 0 && done < total {
                let remaining = Double(total - done) * (workSeconds / Double(worked)) / Double(jobs)
                line += " · ETA " + formatDuration(remaining)
            }
            writeRaw("\r\u{1B}[2K" + line)
            lineShown = true
        }
    }

    /// Ends the updating line so the summary starts on a fresh one.
    func finish() {
        if lineShown { writeRaw("\n") }
    }

    private func writeRaw(_ text: String) {
        var text = text
        text.withUTF8 { buffer in
            if let base = buffer.baseAddress { _ = write(STDOUT_FILENO, base, buffer.count) }
        }
    }
}
