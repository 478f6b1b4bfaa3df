import ArgumentParser
import AltbuildCore
import AltbuildSupport
import BuildEngine
import DeckModel
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

    @Option(help: "Where a describer knows only a slot's context (title, caption, slide number): none leaves it without text, needs-review (default); context writes that context anyway, still unreviewed.")
    var fallback: Fallback = .none

    @Option(name: .customLong("review-dir"), help: "Where the decks' review files live: <review-dir>/<deck path>.json.")
    var reviewDir = "alt-text"

    @Option(help: "Who writes the ALT text: builtin (offline, default), ollama, openai (any OpenAI-compatible server) or command (an external program).")
    var describer: DescriberKind = .builtin

    @Option(help: "Model server URL (ollama default http://127.0.0.1:11434; openai default http://127.0.0.1:8000).")
    var endpoint: String?

    @Option(help: "Model name (ollama default llava).")
    var model: String?

    @Option(help: "Most describer requests and processes (model requests, describer commands, OCR) at once, across all decks (default: the number of cores for command and OCR, 4 for ollama and openai).")
    var concurrency: Int?

    @Option(name: .customLong("max-megapixels"), help: "Pictures whose header declares more pixels than this (in millions) are not decoded; their slots are left for a person.")
    var maxMegapixels: Double = Double(ImagePreparation.defaultMaxPixels) / 1_000_000

    @Option(name: .customLong("worker-memory"), help: "Address-space limit of each worker process (e.g. 4G, 512M); a deck that needs more fails with E_RESOURCE_LIMIT. 0 for no limit.")
    var workerMemory = "4G"

    @Option(name: .customLong("api-key-env"), help: "For openai: the environment variable that holds the API key (never read from files or logged).")
    var apiKeyEnv = "OPENAI_API_KEY"

    @Flag(name: .customLong("ollama-chat"), help: "For ollama: use /api/chat instead of /api/generate.")
    var ollamaChat = false

    @Option(name: .customLong("request-timeout"), help: "For ollama/openai: time one request may take (e.g. 60s, 2m).")
    var requestTimeout = "2m"

    @Option(help: "Language of the ALT text, as a name the model understands (default: each deck's own language, else English).")
    var language: String?

    @Option(name: .customLong("max-image-side"), help: "For ollama/openai: pictures whose longest side is over this many pixels are scaled down before sending (0: never).")
    var maxImageSide = 1024

    @Option(name: .customLong("length-target"), help: "Soft length target in characters: longer answers are kept, with a warning.")
    var lengthTarget = 150

    @Option(name: .customLong("prompt-file"), help: "A prompt template replacing the default; placeholders {kind} {language} {length} {title} {nearby} {notes}.")
    var promptFile: String?

    @Flag(name: .customLong("model-describes-data"), help: "Also send charts, tables and SmartArt to the model (by default their data is described exactly by the builtin describer).")
    var modelDescribesData = false

    @Option(name: .customLong("describer-command"),
            help: "For --describer command: a shell command that reads the image on stdin, the slot as JSON in $ALTBUILD_SLOT, and prints the ALT text.")
    var describerCommand: String?

    @Option(name: .customLong("describer-timeout"), help: "For --describer command: how long one description may take (e.g. 30s, 2m).")
    var describerTimeout: String = "2m"

    enum DescriberKind: String, ExpressibleByArgument, CaseIterable { case builtin, ollama, openai, command }
    enum Fallback: String, ExpressibleByArgument, CaseIterable { case none, context }

    func validate() throws {
        if decorativeBelow < 0 || decorativeBelow > 100 {
            throw ValidationError("--decorative-below takes a percentage from 0 to 100.")
        }
        if describer == .command && (describerCommand ?? "").isEmpty {
            throw ValidationError("--describer command needs --describer-command 'PROGRAM ARGS'.")
        }
        if DurationText.seconds(describerTimeout) == nil || DurationText.seconds(requestTimeout) == nil {
            throw ValidationError("--describer-timeout and --request-timeout take a duration like 30s, 2m or 1h.")
        }
        if let concurrency, concurrency < 1 { throw ValidationError("--concurrency must be at least 1.") }
        if maxMegapixels <= 0 { throw ValidationError("--max-megapixels takes a positive number of megapixels.") }
        // Below about 100 MiB a worker cannot even start its runtime, and
        // would fail every deck in ways that do not say "memory".
        guard let memory = Quantity.bytes(workerMemory), memory == 0 || memory >= 128 << 20 else {
            throw ValidationError("--worker-memory takes a size of at least 128M, like 4G or 512M, or 0 for no limit.")
        }
        if maxImageSide < 0 { throw ValidationError("--max-image-side takes a number of pixels, 0 for never scaling.") }
        // The validation error below names the file.
        if let promptFile, (try? FileIO.read(promptFile, limit: 1 << 20)) == nil {
            throw ValidationError("--prompt-file: cannot read \(promptFile).")
        }
    }

    /// The build-wide bound on describer work, shared by every describer.
    func makeLimiter() -> DescriberLimiter {
        let local = describer == .builtin || describer == .command
        return DescriberLimiter(limit: concurrency ?? (local ? DescriberLimiter.defaultLocalLimit : DescriberLimiter.defaultHTTPLimit))
    }

    func makeDescriber() -> any Describer {
        let limiter = makeLimiter()
        switch describer {
        case .builtin: return BuiltinDescriber(recognizer: TextRecognizer.detect(limiter: limiter))
        case .command:
            return CommandDescriber(command: describerCommand ?? "", timeout: DurationText.seconds(describerTimeout) ?? 120,
                                    limiter: limiter)
        case .ollama, .openai:
            var settings = VisionDescriber.Settings(api: describer == .ollama ? .ollama : .openai, endpoint: endpoint, model: model)
            settings.useChat = ollamaChat
            settings.requestTimeout = DurationText.seconds(requestTimeout) ?? 120
            settings.language = language
            settings.lengthTarget = lengthTarget
            settings.apiKeyEnvironment = apiKeyEnv
            settings.describeStructuredSlots = modelDescribesData
            settings.longestSide = maxImageSide
            // Read successfully in validate() moments ago.
            if let promptFile, let bytes = try? FileIO.read(promptFile, limit: 1 << 20) {
                settings.template = PromptTemplate(text: String(decoding: bytes, as: UTF8.self))
            }
            return VisionDescriber(settings: settings, limiter: limiter)
        }
    }

    func project(force: Bool = false, skipFailed: Bool = false) -> Project {
        var configuration = BuildConfiguration(
            outputDirectory: InputDiscovery.normalize(outDir),
            policy: AltTextPolicy(replaceAutomatic: replaceAutomatic, overwrite: overwrite, decorativeBelowPercent: decorativeBelow,
                                  fallbackContext: fallback == .context),
            describer: makeDescriber(), maxPixels: Int(maxMegapixels * 1_000_000),
            workerMemory: Quantity.bytes(workerMemory).map { Int($0) } ?? WorkerDeckProcessor.defaultMemoryLimit)
        configuration.reviewDirectory = InputDiscovery.normalize(reviewDir)
        return Project(configuration: configuration,
                       options: BuildOptions(force: force, skipFailed: skipFailed, inPlace: inPlace),
                       cacheDirectory: cacheDir)
    }

    /// The decks to consider, or exit 1 with the reason.
    func inputs(_ project: Project) throws -> [DiscoveredInput] {
        do {
            return project.targets(try project.discovery.discover(paths.isEmpty ? ["."] : paths))
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
