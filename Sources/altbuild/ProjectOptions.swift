import ArgumentParser
import AltbuildCore
import BuildEngine
import Describers

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

    @Option(help: "Who writes the ALT text: builtin (offline, default) or command (an external program).")
    var describer: DescriberKind = .builtin

    @Option(name: .customLong("describer-command"),
            help: "For --describer command: a shell command that reads the image on stdin, the slot as JSON in $ALTBUILD_SLOT, and prints the ALT text.")
    var describerCommand: String?

    @Option(name: .customLong("describer-timeout"), help: "For --describer command: how long one description may take (e.g. 30s, 2m).")
    var describerTimeout: String = "2m"

    enum DescriberKind: String, ExpressibleByArgument, CaseIterable { case builtin, command }

    func validate() throws {
        if decorativeBelow < 0 || decorativeBelow > 100 {
            throw ValidationError("--decorative-below takes a percentage from 0 to 100.")
        }
        if describer == .command && (describerCommand ?? "").isEmpty {
            throw ValidationError("--describer command needs --describer-command 'PROGRAM ARGS'.")
        }
        if DurationText.seconds(describerTimeout) == nil {
            throw ValidationError("--describer-timeout: use a duration like 30s, 2m or 1h.")
        }
    }

    func makeDescriber() -> any Describer {
        switch describer {
        case .builtin: return BuiltinDescriber()
        case .command:
            return CommandDescriber(command: describerCommand ?? "", timeout: DurationText.seconds(describerTimeout) ?? 120)
        }
    }

    func project(force: Bool = false, skipFailed: Bool = false) -> Project {
        let configuration = BuildConfiguration(
            outputDirectory: InputDiscovery.normalize(outDir),
            policy: AltTextPolicy(replaceAutomatic: replaceAutomatic, overwrite: overwrite, decorativeBelowPercent: decorativeBelow),
            describer: makeDescriber())
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

/// Durations on the command line: `90`, `30s`, `1.5s`, `10m`, `2h`.
enum DurationText {
    static func seconds(_ text: String) -> Double? {
        let units: [Character: Double] = ["s": 1, "m": 60, "h": 3600, "d": 86400]
        guard let last = text.last else { return nil }
        if let unit = units[last] { return Double(text.dropLast()).flatMap { $0 >= 0 ? $0 * unit : nil } }
        return Double(text).flatMap { $0 >= 0 ? $0 : nil }
    }
}
