import AltbuildCore
import AltbuildSupport
import BuildEngine
import Logging

/// One build of a project's decks: what `build` runs once and `watch` runs
/// after every change, so both take the lock, use a temp folder, start and
/// stop workers, record state and handle Ctrl+C the same way. What is
/// printed at the end, and the exit status, are each command's own.
struct BuildPass {
    var project: Project
    let run: BuildRun
    let force: Bool

    /// The probe for "nothing to do" and the build plan alike: one digest memo,
    /// so a changed deck is read once to plan, not twice.
    init(project: Project, run: BuildRun, force: Bool) {
        self.project = project
        self.project.digests = DigestMemo()
        self.run = run
        self.force = force
    }

    /// How a pass ended.
    enum Ending {
        /// Every deck was up to date and no record needed refreshing: nothing
        /// was written, so no lock, temp folder or worker was needed.
        case nothingToDo(BuildSummary)
        case ran(BuildResult)

        var summary: BuildSummary {
            switch self {
            case .nothingToDo(let summary): return summary
            case .ran(let result): return result.summary
            }
        }
    }

    /// Builds `inputs`. SIGINT and SIGTERM set `interrupt`: with `listening`,
    /// this pass installs the handlers while decks run (`build`); without, the
    /// caller has them for longer (`watch`, for its whole session). Throws an
    /// exit status when the build cannot start (the describer cannot work,
    /// the lock is busy, no temp folder), after logging why.
    func execute(_ inputs: [DiscoveredInput], buildID: String, logger: Logger, outcomes: BuildOutcomes,
                 interrupt: BuildInterrupt, listening: Bool) async throws -> Ending {
        if !force, let summary = nothingToDo(inputs, outcomes: outcomes) {
            logger.info("build started", metadata: ["event": "start", "decks": "\(inputs.count)"])
            LastBuild(summary: summary, buildID: buildID).save(to: project.lastBuildPath)
            logger.info("build finished", metadata: BuildEvents.finished(nothingToDo: summary))
            return .nothingToDo(summary)
        }
        let workspace = try await prepare(logger: logger, buildID: buildID, interrupt: interrupt)
        let worker = WorkerDeckProcessor.workerExecutable()
        let pool = WorkerDeckProcessor.pool(executable: worker, jobs: run.jobs, memoryLimit: project.configuration.workerMemory)
        var project = self.project
        project.isolation = Project.Isolation.workers(executable: worker, temporaryDirectory: workspace.scratch.path,
                                                      killGrace: 2, pool: pool)
        let signals = listening ? SignalWatcher(interrupt: interrupt, grace: run.grace, logger: logger) : nil
        let result = await build(project, inputs: inputs, logger: logger, buildID: buildID, outcomes: outcomes, interrupt: interrupt)
        signals?.stop()
        // Every worker is reaped before the temp folder they write in goes.
        await pool.shutdown()
        workspace.scratch.remove()
        LastBuild(summary: result.summary, buildID: buildID).save(to: project.lastBuildPath)
        logger.info("build finished", metadata: BuildEvents.finished(result))
        withExtendedLifetime(workspace) {}
        return .ran(result)
    }

    /// Checks the describer can work at all (a model server that is not
    /// running fails the build once, not every deck), then takes the lock
    /// and this build's temp folder.
    private func prepare(logger: Logger, buildID: String, interrupt: BuildInterrupt) async throws -> BuildWorkspace {
        do {
            try await project.configuration.describer.preflight()
        } catch let error as AltbuildError {
            logger.error("\(error.message)", metadata: ["event": "end", "code": "\(error.code.rawValue)"])
            throw ExitStatus.failures
        }
        return try BuildWorkspace(stateDirectory: project.configuration.stateDirectory, buildID: buildID,
                                  lockTimeout: run.lockTimeout, logger: logger, interrupt: interrupt)
    }

    /// Builds every deck, `--jobs` at a time, showing progress and logging
    /// each outcome, then waits for the remote cache's uploads.
    private func build(_ project: Project, inputs: [DiscoveredInput], logger: Logger, buildID: String,
                       outcomes: BuildOutcomes, interrupt: BuildInterrupt) async -> BuildResult {
        let state = StateLog(path: project.statePath)
        if let recovery = state.recovery { logger.warning("\(recovery)", metadata: ["event": "state_recovered"]) }
        let executor = project.executor(state: state, buildID: buildID, logger: logger)
        let execution = ExecutionOptions(jobs: run.jobs, timeout: run.timeout, keepGoing: run.keepGoing, maxFailureRate: run.maxFailureRate)
        let display = ProgressDisplay(mode: run.progress, total: inputs.count, jobs: run.jobs, quiet: run.quiet)
        logger.info("build started", metadata: BuildEvents.started(
            decks: inputs.count, jobs: run.jobs, timeout: run.timeout, configuration: project.canonicalConfiguration))
        let result = await executor.run(inputs, execution: execution, interrupt: interrupt) { outcome, index, _ in
            display.update(outcome, index: index)
            outcomes.record(outcome, index: index)
            BuildEvents.log(outcome, index: index, logger: logger)
        }
        display.finish()
        // Uploads finish while Ctrl+C is still watched: once the running decks' grace is over, it stops them too.
        if let remote = project.remote { await remote.finish(within: remote.endpoint.flushDeadline) }
        return result
    }

    /// The summary of a build that would do nothing, or nil if any deck needs work.
    private func nothingToDo(_ inputs: [DiscoveredInput], outcomes: BuildOutcomes) -> BuildSummary? {
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
