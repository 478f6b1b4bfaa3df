import ArgumentParser
import AltbuildCore
import BuildEngine

/// Options every project command shares: what to build, where outputs and
/// caches go, and the settings that change outputs (so `status` and
/// `explain` compute the same keys as `build`).
struct ProjectOptions: ParsableArguments {
    @Argument(help: "Decks or folders (default: the current folder).")
    var paths: [String] = []

    @Option(name: .customLong("out-dir"), help: "Where accessible decks are written, mirroring the input folders.")
    var outDir = "build"

    @Option(name: .customLong("cache-dir"), help: "The content-addressed cache (default: $ALTBUILD_CACHE_DIR, else .altbuild/cache).")
    var cacheDir: String?

    @Flag(name: .customLong("in-place"), help: "Write ALT text into the decks themselves (for pre-commit hooks).")
    var inPlace = false

    @Flag(help: "Also replace PowerPoint's unreviewed \"Description automatically generated\" text.")
    var replaceAutomatic = false

    @Flag(help: "Replace all existing ALT text, even text a person wrote.")
    var overwrite = false

    @Option(name: .customLong("decorative-below"),
            help: "Mark pictures without ALT text that cover less than this percentage of the slide as decorative (0: never).")
    var decorativeBelow: Double = 0

    func validate() throws {
        if decorativeBelow < 0 || decorativeBelow > 100 {
            throw ValidationError("--decorative-below takes a percentage from 0 to 100.")
        }
    }

    func project(force: Bool = false, skipFailed: Bool = false) -> Project {
        let configuration = BuildConfiguration(
            outputDirectory: InputDiscovery.normalize(outDir),
            policy: AltTextPolicy(replaceAutomatic: replaceAutomatic, overwrite: overwrite, decorativeBelowPercent: decorativeBelow))
        return Project(configuration: configuration,
                       options: BuildOptions(force: force, skipFailed: skipFailed, inPlace: inPlace),
                       cacheDirectory: cacheDir)
    }

    /// The decks to consider, or exit 1 with the reason.
    func inputs(_ project: Project) throws -> [DiscoveredInput] {
        do {
            return try project.discovery.discover(paths.isEmpty ? ["."] : paths)
        } catch {
            Console.error("error: \(error)")
            throw ExitStatus.failures
        }
    }
}
