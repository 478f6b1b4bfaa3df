import ArgumentParser
import AltbuildCore
import AltbuildSupport
import BuildEngine

/// `altbuild build [PATHS...]`: write an accessible copy of every deck found
/// under PATHS, doing only the work that changed.
struct BuildCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Describe and fill in missing ALT text for every deck under PATHS.")

    @OptionGroup var project: ProjectOptions

    @Flag(help: "Rebuild every deck without reading the cache (results are still stored).")
    var force = false

    @Flag(name: .customLong("skip-failed"), help: "Leave decks that failed before, and have not changed, alone.")
    var skipFailed = false

    @Flag(name: [.customShort("n"), .customLong("dry-run")], help: "Print what would be built and why; build nothing.")
    var dryRun = false

    @Flag(name: .shortAndLong, help: "Print only failures and the summary.")
    var quiet = false

    func run() async throws {
        let project = self.project.project(force: force, skipFailed: skipFailed)
        let inputs = try self.project.inputs(project)
        let state = StateLog(path: project.statePath)
        let executor = project.executor(state: state, buildID: makeBuildID())
        if dryRun {
            for input in inputs {
                let plan = executor.plan(input)
                if plan.decision.needsWork { Console.out("would build \(input.path) -> \(plan.outputPath): \(plan.decision.reason)") }
            }
            return
        }
        let summary = await executor.run(inputs) { outcome, index, total in
            report(outcome, index: index, total: total)
        }
        LastBuild(summary: summary, buildID: executor.buildID).save(to: project.lastBuildPath)
        var line = summary.line
        if summary.built + summary.restored > 0 && !project.options.inPlace { line += "; output in \(project.configuration.outputDirectory)/" }
        Console.out(line)
        if summary.failed > 0 { throw ExitStatus.failures }
    }

    private func report(_ outcome: TargetOutcome, index: Int, total: Int) {
        let counter = "[\(index)/\(total)]"
        switch outcome.status {
        case .built:
            if !quiet { Console.out("\(counter) built \(outcome.input) -> \(outcome.output): \(outcome.detail)") }
        case .restored:
            if !quiet { Console.out("\(counter) restored \(outcome.output) from cache (\(outcome.reason))") }
        case .upToDate, .skipped:
            break
        case .failed:
            let message = outcome.error.map { "\($0.code): \($0.message)" } ?? "failed"
            Console.error("\(counter) FAILED \(outcome.input): \(message)")
        }
    }
}
