import ArgumentParser
import AltbuildCore
import AltbuildSupport
import BuildEngine
import ProjectSettings

/// Options every project command shares: what to build, where outputs and
/// caches go, and the settings that change outputs (so `status`, `check`
/// and `explain` compute the same keys as `build`). Each is a setting of
/// `altbuild.toml` too: a flag given here wins over the file, the file
/// over the default (see `Settings`).
struct ProjectOptions: ParsableArguments {
    @Argument(help: "Decks or folders (default: [build] paths in altbuild.toml, else the current folder).")
    var paths: [String] = []

    @Option(name: .customLong("out-dir"), help: ArgumentHelp(Settings.help("build.out-dir")))
    var outDir: String?

    @Option(name: .customLong("cache-dir"), help: ArgumentHelp(Settings.help("build.cache-dir")))
    var cacheDir: String?

    @Flag(name: .customLong("in-place"), inversion: .prefixedNo, help: ArgumentHelp(Settings.help("build.in-place")))
    var inPlace: Bool?

    @Flag(name: .customLong("replace-automatic"), inversion: .prefixedNo, help: ArgumentHelp(Settings.help("policy.replace-automatic")))
    var replaceAutomatic: Bool?

    @Flag(inversion: .prefixedNo, help: ArgumentHelp(Settings.help("policy.overwrite")))
    var overwrite: Bool?

    @Option(name: .customLong("decorative-below"), help: ArgumentHelp(Settings.help("policy.decorative-below")))
    var decorativeBelow: String?

    @Option(help: ArgumentHelp(Settings.help("policy.fallback")), completion: .list(Settings.choices("policy.fallback")))
    var fallback: String?

    @Option(help: ArgumentHelp(Settings.help("policy.decorative")), completion: .list(Settings.choices("policy.decorative")))
    var decorative: String?

    @Option(name: .customLong("long-descriptions"), help: ArgumentHelp(Settings.help("policy.long-descriptions")),
            completion: .list(Settings.choices("policy.long-descriptions")))
    var longDescriptions: String?

    @Option(name: .customLong("review-dir"), help: ArgumentHelp(Settings.help("review.dir")))
    var reviewDir: String?

    @Option(help: ArgumentHelp(Settings.help("describer.name")), completion: .list(Settings.choices("describer.name")))
    var describer: String?

    @Option(help: ArgumentHelp(Settings.help("describer.endpoint")))
    var endpoint: String?

    @Option(help: ArgumentHelp(Settings.help("describer.model")))
    var model: String?

    @Option(help: ArgumentHelp(Settings.help("describer.concurrency")))
    var concurrency: String?

    @Option(name: .customLong("max-megapixels"), help: ArgumentHelp(Settings.help("limits.max-megapixels")))
    var maxMegapixels: String?

    @Option(name: .customLong("worker-memory"), help: ArgumentHelp(Settings.help("limits.worker-memory")))
    var workerMemory: String?

    @Option(name: .customLong("api-key-env"), help: ArgumentHelp(Settings.help("describer.api-key-env")))
    var apiKeyEnv: String?

    @Flag(name: .customLong("ollama-chat"), inversion: .prefixedNo, help: ArgumentHelp(Settings.help("describer.ollama-chat")))
    var ollamaChat: Bool?

    @Option(name: .customLong("request-timeout"), help: ArgumentHelp(Settings.help("describer.request-timeout")))
    var requestTimeout: String?

    @Option(help: ArgumentHelp(Settings.help("describer.language")))
    var language: String?

    @Option(name: .customLong("max-image-side"), help: ArgumentHelp(Settings.help("describer.max-image-side")))
    var maxImageSide: String?

    @Option(name: .customLong("length-target"), help: ArgumentHelp(Settings.help("describer.length-target")))
    var lengthTarget: String?

    @Option(name: .customLong("prompt-file"), help: ArgumentHelp(Settings.help("describer.prompt-file")))
    var promptFile: String?

    @Flag(name: .customLong("model-describes-data"), inversion: .prefixedNo, help: ArgumentHelp(Settings.help("describer.model-describes-data")))
    var modelDescribesData: Bool?

    @Option(name: .customLong("describer-command"), help: ArgumentHelp(Settings.help("describer.command")))
    var describerCommand: String?

    @Option(name: .customLong("describer-timeout"), help: ArgumentHelp(Settings.help("describer.command-timeout")))
    var describerTimeout: String?

    /// The settings given here as flags; paths as seen from the project root.
    func flagValues(_ context: ProjectContext) throws -> FlagValues {
        var flags = FlagValues()
        for (name, text) in [
            ("build.out-dir", outDir), ("build.cache-dir", cacheDir), ("policy.decorative-below", decorativeBelow),
            ("policy.fallback", fallback), ("policy.decorative", decorative), ("policy.long-descriptions", longDescriptions), ("review.dir", reviewDir), ("describer.name", describer),
            ("describer.endpoint", endpoint), ("describer.model", model), ("describer.concurrency", concurrency),
            ("limits.max-megapixels", maxMegapixels), ("limits.worker-memory", workerMemory),
            ("describer.api-key-env", apiKeyEnv), ("describer.request-timeout", requestTimeout),
            ("describer.language", language), ("describer.max-image-side", maxImageSide),
            ("describer.length-target", lengthTarget), ("describer.prompt-file", promptFile),
            ("describer.command", describerCommand), ("describer.command-timeout", describerTimeout),
        ] {
            try flags.add(name, Settings.paths.contains(name) ? text.map(context.fromCommandLine) : text)
        }
        for (name, flag) in [("build.in-place", inPlace), ("policy.replace-automatic", replaceAutomatic),
                             ("policy.overwrite", overwrite), ("describer.ollama-chat", ollamaChat),
                             ("describer.model-describes-data", modelDescribesData)] {
            flags.add(name, flag)
        }
        try flags.add("build.paths", paths.map(context.fromCommandLine))
        return flags
    }

    /// This run's settings: these flags and a command's own (`extra`) over
    /// `altbuild.toml` over the defaults.
    func settings(extra: FlagValues = FlagValues()) throws -> EffectiveSettings {
        let context = try ProjectContext.load()
        var flags = try flagValues(context)
        for (name, value) in extra.values { flags[name] = value }
        return EffectiveSettings(file: context.file, flags: flags.values)
    }

    func project(force: Bool = false, extra: FlagValues = FlagValues()) throws -> Project {
        try ProjectFactory.project(try settings(extra: extra), force: force)
    }

    /// The decks to consider, or exit 1 with the reason.
    func inputs(_ project: Project, settings: EffectiveSettings? = nil) throws -> [DiscoveredInput] {
        let paths = try (settings ?? self.settings()).strings("build.paths")
        do {
            return project.targets(try project.discovery.discover(paths.isEmpty ? ["."] : paths))
        } catch {
            Console.error("error: \(error)")
            throw ExitStatus.failures
        }
    }
}
