import ArgumentParser
import AltbuildCore
import AltbuildSupport
import BuildEngine
import Logging
import ProcessSupport
import ProjectSettings
#if canImport(Glibc)
import Glibc
#endif

/// `altbuild build [PATHS...]`: write an accessible copy of every deck found
/// under PATHS, doing only the work that changed, each deck parsed in its own
/// worker process, surviving hangs, crashes, Ctrl+C and bad files.
struct BuildCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Describe and fill in missing ALT text for every deck under PATHS.")

    @OptionGroup var project: ProjectOptions
    @OptionGroup var reports: ReportOptions

    @Flag(help: "Rebuild every deck without reading the cache (results are still stored).")
    var force = false

    @Flag(name: [.customShort("n"), .customLong("dry-run")], help: "Print what would be built and why; build nothing.")
    var dryRun = false

    @OptionGroup var run: BuildFlags
    @OptionGroup var remoteFlags: RemoteFlags

    /// Decks that need work are built in workers under the project's lock;
    /// a dry run only plans, and a build with nothing to do takes no lock.
    func run() async throws {
        var flags = try self.run.values()
        try remoteFlags.add(to: &flags)
        let settings = try self.project.settings(extra: flags)
        var project = try ProjectFactory.project(settings, force: force)
        let remote = try RemoteSettings.endpoint(settings)
        let inputs = try self.project.inputs(project, settings: settings)
        let buildID = makeBuildID()
        let run = BuildRun(settings: settings)
        if dryRun { return printPlans(project, inputs: inputs, buildID: buildID) }
        let outcomes = BuildOutcomes(inputs: inputs, keeping: reports.anyRequested)
        if !force, let summary = nothingToDo(project, inputs: inputs, outcomes: outcomes) {
            // Every deck is up to date and no record needs refreshing: nothing
            // will be written, so no lock, temp folder or worker is needed.
            recordNothingToDo(summary, project: project, decks: inputs.count, buildID: buildID, run: run)
            let reported = reports.write(build: outcomes, summary: summary, stopReason: nil, interrupted: false,
                                         project: project, stdoutIsJSON: run.progress == .json)
            if !reported { throw ExitStatus.environment }
            return
        }
        let logger = run.logger(stateDirectory: project.configuration.stateDirectory, buildID: buildID)
        let interrupt = BuildInterrupt()
        project.remote = remote.map {
            RemoteCache(endpoint: $0, cacheDirectory: project.cacheDirectory, logger: logger, cancel: interrupt.work)
        }
        let workspace = try await prepare(project, logger: logger, buildID: buildID, run: run)
        let worker = WorkerDeckProcessor.workerExecutable()
        let pool = WorkerDeckProcessor.pool(executable: worker, jobs: run.jobs, memoryLimit: project.configuration.workerMemory)
        project.isolation = Project.Isolation.workers(executable: worker, temporaryDirectory: workspace.scratch.path,
                                                      killGrace: 2, pool: pool)
        let result = await build(project, inputs: inputs, logger: logger, buildID: buildID, run: run,
                                 outcomes: outcomes, interrupt: interrupt)
        // Every worker is reaped before the temp folder they write in goes.
        await pool.shutdown()
        workspace.scratch.remove()
        report(result, project: project, logger: logger, buildID: buildID)
        let reported = reports.write(build: outcomes, summary: result.summary, stopReason: result.stopReason,
                                     interrupted: result.interrupted, project: project, stdoutIsJSON: run.progress == .json)
        withExtendedLifetime(workspace) {}
        try throwExitStatus(for: result, interrupt: interrupt, logger: logger)
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

    /// A build with nothing to do still logs, and records its counts for `cache stats`.
    private func recordNothingToDo(_ summary: BuildSummary, project: Project, decks: Int, buildID: String, run: BuildRun) {
        let logger = run.logger(stateDirectory: project.configuration.stateDirectory, buildID: buildID)
        logger.info("build started", metadata: ["event": "start", "decks": "\(decks)"])
        LastBuild(summary: summary, buildID: buildID).save(to: project.lastBuildPath)
        logger.info("build finished", metadata: BuildEvents.finished(nothingToDo: summary))
        Console.out(summary.line)
    }

    /// Checks the describer can work at all (a model server that is not
    /// running fails the build once, not every deck), then takes the lock
    /// and this build's temp folder.
    private func prepare(_ project: Project, logger: Logger, buildID: String, run: BuildRun) async throws -> BuildWorkspace {
        do {
            try await project.configuration.describer.preflight()
        } catch let error as AltbuildError {
            logger.error("\(error.message)", metadata: ["event": "end", "code": "\(error.code.rawValue)"])
            throw ExitStatus.failures
        }
        return try BuildWorkspace(stateDirectory: project.configuration.stateDirectory, buildID: buildID,
                                  lockTimeout: run.lockTimeout, logger: logger)
    }

    /// Builds every deck, `--jobs` at a time, showing progress and logging
    /// each outcome, then waits for the remote cache's uploads; SIGINT and
    /// SIGTERM stop it gracefully meanwhile (uploads too, once the running
    /// decks' grace is over).
    private func build(_ project: Project, inputs: [DiscoveredInput], logger: Logger, buildID: String, run: BuildRun,
                       outcomes: BuildOutcomes, interrupt: BuildInterrupt) async -> BuildResult {
        let jobs = run.jobs
        let timeoutSeconds = run.timeout
        let state = StateLog(path: project.statePath)
        if let recovery = state.recovery { logger.warning("\(recovery)", metadata: ["event": "state_recovered"]) }
        let executor = project.executor(state: state, buildID: buildID, logger: logger)
        let execution = ExecutionOptions(jobs: jobs, timeout: timeoutSeconds, keepGoing: run.keepGoing, maxFailureRate: run.maxFailureRate)
        let signals = SignalWatcher(interrupt: interrupt, grace: run.grace, logger: logger)
        let display = ProgressDisplay(mode: run.progress, total: inputs.count, jobs: jobs, quiet: run.quiet)
        logger.info("build started", metadata: BuildEvents.started(
            decks: inputs.count, jobs: jobs, timeout: timeoutSeconds, configuration: project.canonicalConfiguration))
        let result = await executor.run(inputs, execution: execution, interrupt: interrupt) { outcome, index, _ in
            display.update(outcome, index: index)
            outcomes.record(outcome, index: index)
            BuildEvents.log(outcome, index: index, logger: logger)
        }
        display.finish()
        if let remote = project.remote { await remote.finish(within: remote.endpoint.flushDeadline) }
        signals.stop()
        return result
    }

    /// Records the counts for `cache stats`, logs the end and prints the summary line.
    private func report(_ result: BuildResult, project: Project, logger: Logger, buildID: String) {
        let summary = result.summary
        LastBuild(summary: summary, buildID: buildID).save(to: project.lastBuildPath)
        logger.info("build finished", metadata: BuildEvents.finished(result))
        var line = summary.line
        if summary.built + summary.restored > 0 && !project.options.inPlace { line += "; output in \(project.configuration.outputDirectory)/" }
        Console.out(line)
        if let remote = project.remote {
            let counts = remote.counts
            logger.info("remote cache", metadata: RemoteSettings.metadata(counts, endpoint: remote.endpoint))
            Console.out(RemoteSettings.line(counts))
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

    /// The summary of a build that would do nothing, or nil if any deck needs work.
    private func nothingToDo(_ project: Project, inputs: [DiscoveredInput], outcomes: BuildOutcomes) -> BuildSummary? {
        let executor = project.executor(state: StateLog(path: project.statePath), buildID: "probe")
        var summary = BuildSummary()
        for (index, plan) in executor.plans(inputs).enumerated() {
            guard plan.refreshedRecord == nil, let outcome = plan.settledOutcome else {
                outcomes.clear()
                return nil
            }
            summary.add(outcome)
            outcomes.record(outcome, index: index + 1)
        }
        return summary
    }
}
