import ArgumentParser
import ProjectSettings

/// The settings only `build` uses, as flags: parallelism, time limits, when
/// to stop early and what to print. `config` takes them too, to show what a
/// build with them would use.
struct BuildFlags: ParsableArguments {
    @Flag(name: .customLong("skip-failed"), inversion: .prefixedNo, help: ArgumentHelp(Settings.help("build.skip-failed")))
    var skipFailed: Bool?

    @Option(name: .shortAndLong, help: ArgumentHelp(Settings.help("build.jobs")))
    var jobs: String?

    @Option(help: ArgumentHelp(Settings.help("build.timeout")))
    var timeout: String?

    @Option(help: ArgumentHelp(Settings.help("build.grace")))
    var grace: String?

    @Option(name: .customLong("keep-going"), help: ArgumentHelp(Settings.help("build.keep-going")))
    var keepGoing: String?

    @Option(name: .customLong("max-failure-rate"), help: ArgumentHelp(Settings.help("build.max-failure-rate")))
    var maxFailureRate: String?

    @Option(name: .customLong("lock-timeout"), help: ArgumentHelp(Settings.help("build.lock-timeout")))
    var lockTimeout: String?

    @Option(help: ArgumentHelp(Settings.help("build.progress")), completion: .list(Settings.choices("build.progress")))
    var progress: String?

    @Flag(name: .shortAndLong, inversion: .prefixedNo, help: ArgumentHelp(Settings.help("build.quiet")))
    var quiet: Bool?

    @Flag(name: .shortAndLong, inversion: .prefixedNo, help: ArgumentHelp(Settings.help("build.verbose")))
    var verbose: Bool?

    /// The settings given here as flags.
    func values() throws -> FlagValues {
        var flags = FlagValues()
        for (name, text) in [("build.jobs", jobs), ("build.timeout", timeout), ("build.grace", grace),
                             ("build.keep-going", keepGoing), ("build.max-failure-rate", maxFailureRate),
                             ("build.lock-timeout", lockTimeout), ("build.progress", progress)] {
            try flags.add(name, text)
        }
        for (name, flag) in [("build.skip-failed", skipFailed), ("build.quiet", quiet), ("build.verbose", verbose)] {
            flags.add(name, flag)
        }
        return flags
    }
}
