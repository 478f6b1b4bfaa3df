public import BuildEngine
public import Logging
public import ProcessSupport
import AltbuildSupport
import Describers
#if canImport(Glibc)
import Glibc
#endif

/// Where a project keeps its things and how to put a build together:
/// `.altbuild/` for the state log and last-build stats, the content store
/// (`.altbuild/cache/` unless `--cache-dir` or `ALTBUILD_CACHE_DIR` points
/// elsewhere, so several projects can share one), and the output folder.
public struct Project: Sendable {
    public var configuration: BuildConfiguration
    public var options: BuildOptions
    public var cacheDirectory: String
    /// A shared cache behind the local one, for builds (`--remote-cache`); nil: local only.
    public var remote: RemoteCache?
    /// Shared by the plannings of one build (`BuildPass`), so a changed deck is hashed once; nil: none.
    public var digests: DigestMemo?
    /// Where decks are parsed: in worker processes (the command line), or by
    /// a processor given here (tests parse in process).
    public var isolation: Isolation = .workers(executable: WorkerDeckProcessor.workerExecutable(),
                                               temporaryDirectory: "/tmp", killGrace: 2)

    public enum Isolation: Sendable {
        case custom(any DeckProcessor)
        /// Running `executable` (`altbuild-worker`) per deck, with temp files
        /// under `temporaryDirectory`: a process per step, or requests to the
        /// long-lived workers of `pool` when the build has one.
        case workers(executable: String, temporaryDirectory: String, killGrace: Double, pool: WorkerPool? = nil)
    }

    public init(configuration: BuildConfiguration, options: BuildOptions, cacheDirectory: String? = nil) {
        self.configuration = configuration
        self.options = options
        self.cacheDirectory = cacheDirectory
            ?? getenv("ALTBUILD_CACHE_DIR").map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 }
            ?? configuration.stateDirectory + "/cache"
    }

    /// Where the review file of `input` is: `<review folder>/<deck path>.json`.
    public func reviewPath(_ input: DiscoveredInput) -> String {
        ReviewFile.path(reviewDirectory: configuration.reviewDirectory, deckRelativePath: input.outputRelativePath)
    }

    /// Further files each deck's target depends on: its review file. The
    /// engine stat-caches and hashes them like the deck, keys them, and names
    /// them in `explain`, without knowing what they are.
    public var declaredInputs: @Sendable (DiscoveredInput) -> [String] {
        let directory = configuration.reviewDirectory
        return { input in [ReviewFile.path(reviewDirectory: directory, deckRelativePath: input.outputRelativePath)] }
    }

    /// The discovered decks as targets, with their declared inputs.
    public func targets(_ discovered: [DiscoveredInput]) -> [DiscoveredInput] {
        discovered.map { input in
            var target = input
            target.declaredInputs = declaredInputs(input)
            return target
        }
    }

    public var statePath: String { configuration.stateDirectory + "/state.log" }
    public var lastBuildPath: String { configuration.stateDirectory + "/last-build" }
    public var store: ContentStore { ContentStore(root: cacheDirectory, remote: remote) }
    public var actionCache: ActionCache { ActionCache(root: cacheDirectory, remote: remote) }

    public var canonicalConfiguration: String {
        configuration.canonicalConfiguration(inPlace: options.inPlace)
    }

    public var discovery: InputDiscovery {
        InputDiscovery(
            extensions: DeckFormats.extensions, skippedPrefixes: DeckFormats.skippedPrefixes,
            excludedDirectories: [InputDiscovery.normalize(configuration.outputDirectory), configuration.stateDirectory, "node_modules"])
    }

    public func outputPath(_ input: DiscoveredInput) -> String {
        options.inPlace ? input.path : configuration.outputDirectory + "/" + input.outputRelativePath
    }

    public func planner() -> Planner {
        let canonical = canonicalConfiguration
        var planner = Planner(options: options, configuration: canonical,
                              keyForInput: BuildConfiguration.actionKeyFunction(configuration: canonical))
        planner.digests = digests
        return planner
    }

    /// `logger` hears about bookkeeping that failed; commands that only plan never write any.
    public func executor(state: StateLog, buildID: String, logger: Logger = Logger(label: "altbuild")) -> BuildExecutor {
        let cache = DescriptionCache(store: store, actions: actionCache, readable: !options.force)
        let processor: any DeckProcessor
        switch isolation {
        case .custom(let given):
            processor = given
        case .workers(let executable, let temporaryDirectory, let killGrace, let pool):
            processor = WorkerDeckProcessor(executable: executable, temporaryDirectory: temporaryDirectory,
                                            extractMedia: configuration.describer.needsMedia,
                                            preparation: configuration.imagePreparation,
                                            memoryLimit: configuration.workerMemory, limits: configuration.limits,
                                            killGrace: killGrace, pool: pool)
        }
        let pipeline = DeckPipeline(policy: configuration.policy, describer: configuration.describer,
                                    cache: cache, processor: processor)
        let inPlace = options.inPlace
        let outDir = configuration.outputDirectory
        return BuildExecutor(
            state: state, store: store, actions: actionCache, planner: planner(),
            action: DeckAction(pipeline: pipeline, reviewPath: { input in input.declaredInputs.first }), buildID: buildID,
            confinement: OutputConfinement(root: inPlace ? nil : outDir), logger: logger,
            outputPath: { input in inPlace ? input.path : outDir + "/" + input.outputRelativePath })
    }
}
