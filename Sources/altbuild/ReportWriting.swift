import AltbuildCore
import AltbuildSupport
import BuildEngine

/// Producing the reports asked for, once a command knows its results.
/// A report that cannot be written is said on stderr and makes the command
/// exit 2 (after any status the results themselves call for): CI that asked
/// for a report must not read an old one and think it new.
extension ReportOptions {
    /// `build`'s reports; false when one could not be written.
    func write(build outcomes: BuildOutcomes, summary: BuildSummary, stopReason: StopReason?, interrupted: Bool,
               project: Project, stdoutIsJSON: Bool) -> Bool {
        guard anyRequested else { return true }
        let report = BuildReport(outcomes, summary: summary, stopReason: stopReason, interrupted: interrupted, project: project)
        if annotations(stdoutIsJSON: stdoutIsJSON) { GitHubAnnotations.build(report).forEach(Console.out) }
        return save(report, junit: { JUnitSuite(build: report) })
    }

    /// `check`'s reports; false when one could not be written.
    func write(check decks: [CheckedDeck], stdoutIsJSON: Bool) -> Bool {
        if annotations(stdoutIsJSON: stdoutIsJSON) { GitHubAnnotations.check(decks).forEach(Console.out) }
        return save(CheckReport(decks), junit: { JUnitSuite(check: decks) })
    }

    /// Writes the JSON and JUnit files asked for, each atomically, so a
    /// reader never sees half a report.
    private func save<Report: Encodable>(_ report: Report, junit suite: () -> JUnitSuite) -> Bool {
        var written = true
        if let path = self.report {
            written = write(path, flag: "--report") { try CanonicalJSON.encode(report) + [0x0A] } && written
        }
        if let path = junit {
            written = write(path, flag: "--junit") { Array(suite().xml.utf8) } && written
        }
        return written
    }

    private func write(_ path: String, flag: String, bytes: () throws -> [UInt8]) -> Bool {
        do {
            try FileIO.writeAtomically(try bytes(), to: path)
            return true
        } catch {
            Console.error("error: \(flag): \(error)")
            return false
        }
    }
}
