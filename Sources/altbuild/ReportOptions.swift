import ArgumentParser
#if canImport(Glibc)
import Glibc
#endif

/// The reports `build` and `check` can leave for CI: a JSON file for
/// scripts, a JUnit file for test dashboards, and GitHub annotations on the
/// decks themselves. Shared by both commands so the flags mean the same.
struct ReportOptions: ParsableArguments {
    @Option(name: .customLong("report"), help: ArgumentHelp("Write a JSON report of every deck and its slots to this file.", valueName: "file.json"))
    var report: String?

    @Option(name: .customLong("junit"), help: ArgumentHelp("Write a JUnit XML report, one test case per deck, to this file.", valueName: "file.xml"))
    var junit: String?

    @Flag(name: .customLong("github-annotations"), inversion: .prefixedNo,
          help: "Print GitHub Actions annotations (::error, ::warning) on stdout (default: on when GITHUB_ACTIONS=true and stdout is not JSON).")
    var githubAnnotations: Bool?

    func validate() throws {
        for (flag, path) in [("--report", report), ("--junit", junit)] where path?.isEmpty == true {
            throw ValidationError("\(flag) takes a file name.")
        }
        if let report, report == junit { throw ValidationError("--report and --junit need two different files.") }
    }

    /// Whether annotations are printed. Asked for or refused explicitly, that
    /// wins; otherwise they are on inside GitHub Actions, unless stdout
    /// carries JSON (`check --json`, `build --progress json`), which a line
    /// of another shape would break for the script reading it.
    func annotations(stdoutIsJSON: Bool) -> Bool {
        githubAnnotations ?? (Self.inGitHubActions && !stdoutIsJSON)
    }

    /// Whether any report may be produced, so outcomes are worth keeping.
    var anyRequested: Bool {
        report != nil || junit != nil || (githubAnnotations ?? Self.inGitHubActions)
    }

    /// GitHub sets `GITHUB_ACTIONS=true` in every step of a workflow.
    static var inGitHubActions: Bool {
        getenv("GITHUB_ACTIONS").map { String(cString: $0) } == "true"
    }
}
