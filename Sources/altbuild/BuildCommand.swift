import ArgumentParser
import AltbuildCore
import BuildEngine
import Logging
#if canImport(Glibc)
import Glibc
#endif

/// `altbuild build [PATHS...]`: write an accessible copy of every deck found
/// under PATHS, doing only the work that changed, each deck parsed in its own
/// worker process, surviving hangs, crashes, Ctrl+C and bad files.
struct BuildCommand: AsyncParsableCommand {
    /// The super-command's name matters only when `build` is parsed as a root
    /// of its own (`Altbuild.main`'s fast path): help then says `altbuild build`,
    /// and swift-argument-parser skips its check for
    /// `--generate-completion-script`, which builds two more commands' argument
    /// sets (~6 M instructions, a fifth of a no-op's start). That flag still
    /// works: the fast path does not know it, so it goes through the tree.
    static let configuration = CommandConfiguration(
        commandName: "build",
        _superCommandName: "altbuild",
        abstract: "Describe and fill in missing ALT text for every deck under PATHS.")

    @OptionGroup var project: ProjectOptions
    @OptionGroup var reports: ReportOptions

    @Flag(help: "Rebuild every deck without reading the cache (results are still stored).")
    var force = false

    @Flag(name: [.customShort("n"), .customLong("dry-run")], help: "Print what would be built and why; build nothing.")
    var dryRun = false

    @OptionGroup var run: BuildFlags
    @OptionGroup var remoteFlags: RemoteFlags

    @OptionGroup var shard: ShardOption

    /// Decks that need work are built in workers under the project's lock;
    /// a dry run only plans, and a build with nothing to do takes no lock.
    func run() async throws {
        var flags = try self.run.values()
        try remoteFlags.add(to: &flags)
        let settings = try self.project.settings(extra: flags)
        var project = try ProjectFactory.project(settings, force: force)
        let remote = try RemoteSettings.endpoint(settings)
        let selection = try shard.select(try self.project.inputs(project, settings: settings))
        let inputs = selection.inputs
        let buildID = makeBuildID()
        let run = BuildRun(settings: settings)
        if dryRun { return printPlans(project, inputs: inputs, buildID: buildID) }
        let outcomes = BuildOutcomes(inputs: inputs, keeping: reports.anyRequested)
        let logger = run.logger(stateDirectory: project.configuration.stateDirectory, buildID: buildID)
        let interrupt = BuildInterrupt()
        project.remote = remote.map {
            RemoteCache(endpoint: $0, cacheDirectory: project.cacheDirectory, logger: logger, cancel: interrupt.work)
        }
        let pass = BuildPass(project: project, run: run, force: force)
        let ending = try await pass.execute(inputs, buildID: buildID, logger: logger, outcomes: outcomes,
                                            interrupt: interrupt, listening: true)
        var line = ending.summary.line(counted: selection.counted(ending.summary.total))
        if case .ran = ending, ending.summary.built + ending.summary.restored > 0 && !project.options.inPlace {
            line += "; output in \(project.configuration.outputDirectory)/"
        }
        Console.out(line)
        if case .ran = ending, let remote = project.remote {
            let counts = remote.counts
            logger.info("remote cache", metadata: RemoteSettings.metadata(counts, endpoint: remote.endpoint))
            Console.out(RemoteSettings.line(counts))
        }
        let result: BuildResult? = if case .ran(let result) = ending { result } else { nil }
        let reported = reports.write(build: outcomes, summary: ending.summary, stopReason: result?.stopReason,
                                     interrupted: result?.interrupted ?? false, project: project,
                                     stdoutIsJSON: run.progress == .json)
        if let result { try throwExitStatus(for: result, interrupt: interrupt, logger: logger) }
        if !reported { throw ExitStatus.environment }
    }

    /// `--dry-run`: each deck that needs work and why, without building any.
    private func printPlans(_ project: Project, inputs: [DiscoveredInput], buildID: String) {
        let executor = project.executor(state: StateLog(path: project.statePath), buildID: buildID)
        for input in inputs {
            let plan = executor.plan(input)
            if plan.decision.needsWork { Console.out("would build \(input.path) -> \(plan.outputPath): \(plan.decision.reason.text)") }
        }
    }

    /// The exit status: 130 or 143 after SIGINT or SIGTERM (saying how to
    /// resume), 1 when the build stopped early or a deck failed, else 0.
    private func throwExitStatus(for result: BuildResult, interrupt: BuildInterrupt, logger: Logger) throws {
        let summary = result.summary
        if result.interrupted, let signal = interrupt.signal {
            let remaining = summary.interrupted + summary.notStarted
            logger.warning("interrupted by \(signal == SIGINT ? "SIGINT" : "SIGTERM"): \(summary.built + summary.restored) decks were built and recorded; run the same command again to build the remaining \(remaining)")
            throw signal == SIGINT ? ExitStatus.interruptedBySIGINT : ExitStatus.interruptedBySIGTERM
        }
        if let reason = result.stopReason {
            logger.error("\(reason.text); \(summary.notStarted) decks were not started")
            throw ExitStatus.failures
        }
        if summary.failed > 0 { throw ExitStatus.failures }
    }
}
