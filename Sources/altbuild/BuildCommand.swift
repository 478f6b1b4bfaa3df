import ArgumentParser
import AltbuildCore
import AltbuildSupport
import BuildEngine
import Logging
import ProcessSupport
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

    @Flag(help: "Rebuild every deck without reading the cache (results are still stored).")
    var force = false

    @Flag(name: .customLong("skip-failed"), help: "Leave decks that failed before, and have not changed, alone.")
    var skipFailed = false

    @Flag(name: [.customShort("n"), .customLong("dry-run")], help: "Print what would be built and why; build nothing.")
    var dryRun = false

    @Option(name: .shortAndLong, help: "Decks built at once (default: the number of cores).")
    var jobs: Int?

    @Option(help: "Time one deck may take, describing included (e.g. 90s, 10m); 0 for no limit.")
    var timeout = "10m"

    @Option(help: "After Ctrl+C or SIGTERM, how long running decks may take to finish before they are stopped.")
    var grace = "10s"

    @Option(name: .customLong("keep-going"), help: "Stop starting decks after N failures (0: never stop).")
    var keepGoing = 0

    @Option(name: .customLong("max-failure-rate"), help: "Stop starting decks when more than this fraction (0-1) of finished decks failed, once 10 have finished.")
    var maxFailureRate: Double?

    @Option(name: .customLong("lock-timeout"), help: "How long to wait for another build of this project to finish.")
    var lockTimeout = "30s"

    @Option(help: "Progress display: auto, tty, plain, json or none.")
    var progress: ProgressMode = .auto

    @Flag(name: .shortAndLong, help: "Print only failures and the summary.")
    var quiet = false

    @Flag(name: .shortAndLong, help: "Print more: why each deck is built.")
    var verbose = false

    func validate() throws {
        for (name, value) in [("--timeout", timeout), ("--grace", grace), ("--lock-timeout", lockTimeout)] where DurationText.seconds(value) == nil {
            throw ValidationError("\(name): use a duration like 30s, 10m or 1h.")
        }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1.") }
        if keepGoing < 0 { throw ValidationError("--keep-going takes a count, 0 for never stopping.") }
        if let rate = maxFailureRate, rate < 0 || rate > 1 { throw ValidationError("--max-failure-rate takes a fraction from 0 to 1.") }
    }

    func run() async throws {
        var project = self.project.project(force: force, skipFailed: skipFailed)
        let inputs = try self.project.inputs(project)
        let buildID = makeBuildID()
        if dryRun {
            let executor = project.executor(state: StateLog(path: project.statePath), buildID: buildID)
            for input in inputs {
                let plan = executor.plan(input)
                if plan.decision.needsWork { Console.out("would build \(input.path) -> \(plan.outputPath): \(plan.decision.reason)") }
            }
            return
        }

        let stateDirectory = project.configuration.stateDirectory
        if !force, let summary = nothingToDo(project, inputs: inputs) {
            // Every deck is up to date and no record needs refreshing: nothing
            // will be written, so no lock, temp folder or worker is needed.
            let logger = makeLogger(stateDirectory: stateDirectory, buildID: buildID)
            logger.info("build started", metadata: ["event": "start", "decks": "\(inputs.count)"])
            LastBuild(summary: summary, buildID: buildID).save(to: project.lastBuildPath)
            logger.info("build finished", metadata: [
                "event": "end", "built": "0", "restored": "0", "up_to_date": "\(summary.upToDate)",
                "failed": "0", "skipped": "\(summary.skipped)", "describer_calls": "0", "peak_rss_kib": "\(peakRSSKiB())",
            ])
            Console.out(summary.line)
            return
        }
        let logger = makeLogger(stateDirectory: stateDirectory, buildID: buildID)
        do {
            try await project.configuration.describer.preflight()
        } catch let error as AltbuildError {
            logger.error("\(error.message)", metadata: ["event": "end", "code": "\(error.code.rawValue)"])
            throw ExitStatus.failures
        }
        let lock: BuildLock
        do {
            lock = try BuildLock(path: stateDirectory + "/lock", timeout: DurationText.seconds(lockTimeout) ?? 30) { holder in
                logger.warning("waiting for another build of this project\(holder.map { " (pid \($0))" } ?? "") to finish...")
            }
        } catch let error as AltbuildError {
            logger.error("\(error)", metadata: ["event": "end", "code": "\(error.code.rawValue)"])
            throw error.code == .lockTimeout ? ExitStatus.locked : ExitStatus.environment
        }
        let scratch = BuildScratch(stateDirectory: stateDirectory, buildID: buildID)
        let leftovers: Int
        do {
            leftovers = try scratch.prepare()
        } catch {
            logger.error("\(error)", metadata: ["event": "end"])
            throw ExitStatus.environment
        }
        if leftovers > 0 { logger.info("removed temp files of \(leftovers) earlier build(s) that did not finish") }

        let jobs = self.jobs ?? Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))
        let timeoutSeconds = DurationText.seconds(timeout).flatMap { $0 > 0 ? $0 : nil }
        project.isolation = .workers(executable: WorkerDeckProcessor.workerExecutable(), temporaryDirectory: scratch.path, killGrace: 2)
        let state = StateLog(path: project.statePath)
        if let recovery = state.recovery { logger.warning("\(recovery)", metadata: ["event": "state_recovered"]) }
        let executor = project.executor(state: state, buildID: buildID)
        let execution = ExecutionOptions(jobs: jobs, timeout: timeoutSeconds, keepGoing: keepGoing, maxFailureRate: maxFailureRate)
        let interrupt = BuildInterrupt()
        let signals = SignalWatcher(interrupt: interrupt, grace: DurationText.seconds(grace) ?? 10, logger: logger)
        let display = ProgressDisplay(mode: progress, total: inputs.count, jobs: jobs, quiet: quiet)

        logger.info("build started", metadata: [
            "event": "start", "decks": "\(inputs.count)", "jobs": "\(jobs)",
            "timeout": "\(timeoutSeconds.map(formatDuration) ?? "none")", "configuration": "\(project.canonicalConfiguration)",
        ])
        let result = await executor.run(inputs, execution: execution, interrupt: interrupt) { outcome, index, total in
            display.update(outcome, index: index)
            log(outcome, index: index, logger: logger)
        }
        signals.stop()
        display.finish()
        scratch.remove()
        let summary = result.summary
        LastBuild(summary: summary, buildID: buildID).save(to: project.lastBuildPath)
        logger.info("build finished", metadata: [
            "event": "end", "built": "\(summary.built)", "restored": "\(summary.restored)",
            "up_to_date": "\(summary.upToDate)", "failed": "\(summary.failed)", "skipped": "\(summary.skipped)",
            "interrupted": "\(summary.interrupted)", "not_started": "\(summary.notStarted)",
            "describer_calls": "\(summary.calls)", "peak_rss_kib": "\(peakRSSKiB())",
            "stop_reason": "\(result.stopReason ?? (result.interrupted ? "interrupted" : "none"))",
        ])
        var line = summary.line
        if summary.built + summary.restored > 0 && !project.options.inPlace { line += "; output in \(project.configuration.outputDirectory)/" }
        Console.out(line)
        withExtendedLifetime(lock) {}

        if result.interrupted, let signal = interrupt.signal {
            let remaining = summary.interrupted + summary.notStarted
            logger.warning("interrupted by \(signal == SIGINT ? "SIGINT" : "SIGTERM"): \(summary.built + summary.restored) decks were built and recorded; run the same command again to build the remaining \(remaining)")
            throw signal == SIGINT ? ExitStatus.interruptedBySIGINT : ExitStatus.interruptedBySIGTERM
        }
        if let reason = result.stopReason {
            logger.error("\(reason); \(summary.notStarted) decks were not started")
            throw ExitStatus.failures
        }
        if summary.failed > 0 { throw ExitStatus.failures }
    }

    /// The summary of a build that would do nothing, or nil if any deck needs work.
    private func nothingToDo(_ project: Project, inputs: [DiscoveredInput]) -> BuildSummary? {
        let executor = project.executor(state: StateLog(path: project.statePath), buildID: "probe")
        var summary = BuildSummary()
        for plan in executor.plans(inputs) {
            guard plan.refreshedRecord == nil, let outcome = plan.settledOutcome else { return nil }
            summary.add(outcome)
        }
        return summary
    }

    private func makeLogger(stateDirectory: String, buildID: String) -> Logger {
        let logDirectory = stateDirectory + "/logs"
        let file = JSONLinesLogHandler(path: logDirectory + "/" + buildID + ".jsonl")
        JSONLinesLogHandler.prune(logDirectory, keep: 20)
        let consoleLevel: Logger.Level = quiet ? .error : (verbose ? .debug : .warning)
        var handlers: [any LogHandler] = [ConsoleLogHandler(logLevel: consoleLevel)]
        if let file { handlers.append(file) }
        var logger = Logger(label: "altbuild") { _ in MultiplexLogHandler(handlers) }
        logger[metadataKey: "build_id"] = "\(buildID)"
        return logger
    }

    private func log(_ outcome: TargetOutcome, index: Int, logger: Logger) {
        var metadata: Logger.Metadata = [
            "event": "deck", "deck": "\(outcome.input)", "index": "\(index)", "status": "\(outcome.status.rawValue)",
            "seconds": "\((outcome.seconds * 1000).rounded() / 1000)", "reason": "\(outcome.reason)",
        ]
        if let error = outcome.error {
            metadata["code"] = "\(error.code.rawValue)"
            metadata["error"] = "\(error.message)"
            for (key, value) in error.details { metadata[key] = "\(value)" }
        }
        for warning in outcome.warnings { logger.warning("\(outcome.input): \(warning)", metadata: ["event": "warning", "deck": "\(outcome.input)"]) }
        switch outcome.status {
        case .failed:
            logger.error("\(outcome.input): \(outcome.error.map { "\($0.code): \($0.message)" } ?? "failed")", metadata: metadata)
        case .built, .restored:
            logger.debug("\(outcome.status.rawValue) \(outcome.input): \(outcome.reason)", metadata: metadata)
        case .interrupted:
            logger.info("interrupted \(outcome.input)", metadata: metadata)
        case .upToDate, .skipped:
            logger.trace("\(outcome.status.rawValue) \(outcome.input)", metadata: metadata)
        }
    }
}
