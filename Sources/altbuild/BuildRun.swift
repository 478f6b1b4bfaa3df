import AltbuildCore
import Logging
import ProjectSettings
#if canImport(Glibc)
import Glibc
#endif

/// How this build runs, from its settings: parallelism, time limits, when to
/// stop early, what it prints, and the logger that goes with that.
struct BuildRun {
    var jobs: Int
    /// Nil for no limit.
    var timeout: Double?
    var grace: Double
    var keepGoing: Int
    /// Nil for never (a rate of 1 cannot be exceeded).
    var maxFailureRate: Double?
    var lockTimeout: Double
    var progress: ProgressMode
    var quiet: Bool
    var verbose: Bool

    init(settings: EffectiveSettings) {
        let jobs = settings.int("build.jobs")
        self.jobs = jobs > 0 ? jobs : Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))
        let timeout = settings.seconds("build.timeout")
        self.timeout = timeout > 0 ? timeout : nil
        grace = settings.seconds("build.grace")
        keepGoing = settings.int("build.keep-going")
        let rate = settings.double("build.max-failure-rate")
        maxFailureRate = rate < 1 ? rate : nil
        lockTimeout = settings.seconds("build.lock-timeout")
        progress = ProgressMode(rawValue: settings.string("build.progress")) ?? .auto
        quiet = settings.bool("build.quiet")
        verbose = settings.bool("build.verbose")
    }

    /// Messages to the terminal at the level `quiet`/`verbose` ask for, and
    /// everything to the build's JSON-lines log (the newest 20 kept). Every
    /// build makes one, so this is where the state folder is first used.
    func logger(stateDirectory: String, buildID: String) -> Logger {
        StateFolderIgnore.ensure(stateDirectory)
        let logDirectory = stateDirectory + "/logs"
        let file = JSONLinesLogHandler(path: logDirectory + "/" + buildID + ".jsonl")
        JSONLinesLogHandler.prune(logDirectory, keep: 20)
        let consoleLevel: Logger.Level = quiet ? .error : (verbose ? .debug : .warning)
        var handlers: [any LogHandler] = [ConsoleLogHandler(logLevel: consoleLevel)]
        if let file {
            handlers.append(file)
        } else {
            Console.error("warning: cannot write the build log in \(logDirectory); messages go to the terminal only")
        }
        var logger = Logger(label: "altbuild") { _ in MultiplexLogHandler(handlers) }
        logger[metadataKey: "build_id"] = "\(buildID)"
        return logger
    }
}
