import ArgumentParser
import AltbuildCore
import AltbuildSupport
import BuildEngine
import Logging
import ProcessSupport
import ProjectSettings
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// `altbuild watch [PATHS...]`: builds, then builds again whenever a deck
/// under PATHS changes, a line per build, until Ctrl+C. Each build is the
/// same pass `build` runs (lock, temp folder, workers, state), one at a
/// time: changes during a build make exactly one more build after it.
struct WatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Build, then rebuild whenever a deck changes, until Ctrl+C.")

    @OptionGroup var project: ProjectOptions

    @OptionGroup var run: BuildFlags
    @OptionGroup var remoteFlags: RemoteFlags

    @Flag(help: "Look for changes by listing the decks every --poll-interval instead of with inotify (the only way off Linux; also for network folders).")
    var poll = false

    @Option(name: .customLong("poll-interval"), help: ArgumentHelp("With --poll, how often to look.", valueName: "duration"))
    var pollInterval = "500ms"

    @Option(help: ArgumentHelp("How long changes must pause before a build starts, so a burst of writes is one build.", valueName: "duration"))
    var debounce = "200ms"

    func validate() throws {
        for (flag, text) in [("--poll-interval", pollInterval), ("--debounce", debounce)] where DurationText.seconds(text) == nil {
            throw ValidationError("\(flag) \(text): expected a duration like 200ms, 1s or 1.5s")
        }
    }

    func run() async throws {
        var flags = try run.values()
        try remoteFlags.add(to: &flags)
        let settings = try project.settings(extra: flags)
        let session = try WatchSession(options: project, settings: settings)
        // A path that does not exist is an error now (exit 1), as for build, not a watch that waits for it.
        _ = try project.inputs(session.project, settings: settings)
        let watcher = try makeWatcher(session)
        let signals = SignalWatcher(interrupt: session.interrupt, grace: session.run.grace, logger: session.console,
                                    building: { session.building.load(ordering: .sequentiallyConsistent) },
                                    stopped: { watcher.wake() })
        defer { signals.stop() }
        try await session.pass(first: true)
        if !session.run.quiet && !session.interrupt.stopRequested {
            Console.out("watching \(session.roots.joined(separator: ", ")) (\(watcher.summary)); Ctrl+C to stop")
        }
        let quiet = DurationText.seconds(debounce) ?? 0.2
        while !session.interrupt.stopRequested {
            guard await Self.settledChange(watcher, quiet: quiet), !session.interrupt.stopRequested else { break }
            try await session.pass(first: false)
        }
        throw session.interrupt.signal == SIGTERM ? ExitStatus.interruptedBySIGTERM : ExitStatus.interruptedBySIGINT
    }

    /// inotify on Linux unless `--poll`; polling elsewhere, or when inotify
    /// cannot watch the folders (too many of them for the kernel's limit).
    private func makeWatcher(_ session: WatchSession) throws -> any ChangeWatcher {
        let interval = DurationText.seconds(pollInterval) ?? 0.5
        #if os(Linux)
        if !poll {
            do {
                return try InotifyWatcher(scope: session.scope, logger: session.console)
            } catch {
                session.console.warning("\(error); polling for changes instead")
            }
        }
        #endif
        return try PollingWatcher(scope: session.scope, interval: interval)
    }

    /// Waits, on a thread of its own, for changes that have settled; false when woken to stop.
    private static func settledChange(_ watcher: any ChangeWatcher, quiet: Double) async -> Bool {
        await withCheckedContinuation { continuation in
            detachThread { continuation.resume(returning: watcher.nextSettledChange(quiet: quiet)) }
        }
    }
}

/// What stays the same from one build of a watch to the next: the project
/// and its settings (read once; edit `altbuild.toml`, then start `watch`
/// again), what is watched, Ctrl+C, and whether a build is running.
final class WatchSession: Sendable {
    let options: ProjectOptions
    let settings: EffectiveSettings
    let project: Project
    /// The remote cache each build reads and fills, as `build` does; nil: local only.
    let remote: RemoteEndpoint?
    let run: BuildRun
    let roots: [String]
    let scope: WatchScope
    let interrupt = BuildInterrupt()
    /// True while a build runs: Ctrl+C then gives running decks their grace.
    let building = Atomic<Bool>(false)
    let passes = Atomic<Int>(0)
    /// Warnings of the session itself (not of one build) go to the terminal.
    let console: Logger

    init(options: ProjectOptions, settings: EffectiveSettings) throws {
        self.options = options
        self.settings = settings
        project = try ProjectFactory.project(settings)
        remote = try RemoteSettings.endpoint(settings)
        var run = BuildRun(settings: settings)
        // One line per build: no progress lines (failures still go to stderr).
        run.progress = .none
        self.run = run
        let paths = settings.strings("build.paths")
        roots = paths.isEmpty ? ["."] : paths
        var discovery = project.discovery
        // The build writes review files: they are its output here, not a change to build again for.
        discovery.excludedDirectories.insert(InputDiscovery.normalize(project.configuration.reviewDirectory))
        scope = WatchScope(roots: roots, discovery: discovery)
        let level: Logger.Level = run.quiet ? .error : (run.verbose ? .debug : .warning)
        console = Logger(label: "altbuild") { _ in ConsoleLogHandler(logLevel: level) }
    }

    /// One build, as `build` runs it, reported in one line. A build that
    /// cannot start (the model server is down, another build holds the lock
    /// too long) is reported and the watch goes on; Ctrl+C and an
    /// environment altbuild cannot work in end it.
    func pass(first: Bool) async throws {
        let start = monotonicSeconds()
        let number = passes.add(1, ordering: .sequentiallyConsistent).newValue
        let inputs: [DiscoveredInput]
        do {
            inputs = try options.inputs(project, settings: settings)
        } catch let status as ExitCode where !first && status == ExitStatus.failures {
            return
        }
        let buildID = makeBuildID() + "-\(number)"
        let logger = run.logger(stateDirectory: project.configuration.stateDirectory, buildID: buildID)
        building.store(true, ordering: .sequentiallyConsistent)
        defer { building.store(false, ordering: .sequentiallyConsistent) }
        // A remote cache of its own for each build: an outage ends its use for that build only.
        var project = self.project
        project.remote = remote.map {
            RemoteCache(endpoint: $0, cacheDirectory: project.cacheDirectory, logger: logger, cancel: interrupt.work)
        }
        let ending: BuildPass.Ending
        do {
            ending = try await BuildPass(project: project, run: run, force: false).execute(
                inputs, buildID: buildID, logger: logger, outcomes: BuildOutcomes(inputs: inputs, keeping: false),
                interrupt: interrupt, listening: false)
        } catch let status as ExitCode where status == ExitStatus.failures || status == ExitStatus.locked {
            Console.out("\(WatchLine.clock(time(nil))) not built (the reason is above); waiting for the next change")
            return
        }
        if let line = WatchLine.line(ending, first: first, seconds: monotonicSeconds() - start) {
            Console.out(line)
        } else if run.verbose {
            Console.out("\(WatchLine.clock(time(nil))) nothing to rebuild")
        }
    }
}
