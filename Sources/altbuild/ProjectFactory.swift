import AltbuildCore
import AltbuildSupport
import BuildEngine
import Describers
import ProjectSettings

/// A `Project` (and its describer) from this run's settings. Settings are
/// valid one by one by construction; the checks here are the ones across
/// settings, named with where each value came from.
enum ProjectFactory {
    static func project(_ settings: EffectiveSettings, force: Bool = false) throws -> Project {
        var configuration = BuildConfiguration(
            outputDirectory: InputDiscovery.normalize(settings.string("build.out-dir")),
            policy: AltTextPolicy(replaceAutomatic: settings.bool("policy.replace-automatic"),
                                  overwrite: settings.bool("policy.overwrite"),
                                  decorativeBelowPercent: settings.double("policy.decorative-below"),
                                  fallbackContext: settings.string("policy.fallback") == "context",
                                  decorativeDetection: DecorativeDetection(rawValue: settings.string("policy.decorative")) ?? .detect,
                                  longDescriptions: LongDescriptions(rawValue: settings.string("policy.long-descriptions")) ?? .off),
            describer: try describer(settings), maxPixels: Int(settings.double("limits.max-megapixels") * 1_000_000),
            workerMemory: SizeText.bytes(settings.string("limits.worker-memory")).map { Int($0) } ?? WorkerDeckProcessor.defaultMemoryLimit)
        configuration.reviewDirectory = InputDiscovery.normalize(settings.string("review.dir"))
        return Project(configuration: configuration,
                       options: BuildOptions(force: force, skipFailed: settings.bool("build.skip-failed"),
                                             inPlace: settings.bool("build.in-place")),
                       cacheDirectory: settings.optionalString("build.cache-dir"))
    }

    /// The build-wide bound on describer work, shared by every describer.
    static func limiter(_ settings: EffectiveSettings) -> DescriberLimiter {
        let name = settings.string("describer.name")
        let local = name == "builtin" || name == "command"
        let given = settings.int("describer.concurrency")
        return DescriberLimiter(limit: given > 0 ? given : (local ? DescriberLimiter.defaultLocalLimit : DescriberLimiter.defaultHTTPLimit))
    }

    static func describer(_ settings: EffectiveSettings) throws -> any Describer {
        let limiter = limiter(settings)
        switch settings.string("describer.name") {
        case "command":
            guard let command = settings.optionalString("describer.command") else {
                throw ConfigError("describer command (\(settings.source("describer.name"))) needs a command: --describer-command 'PROGRAM ARGS' or [describer] command")
            }
            return CommandDescriber(command: command, timeout: settings.seconds("describer.command-timeout"), limiter: limiter)
        case "ollama", "openai":
            return VisionDescriber(settings: try visionSettings(settings), limiter: limiter)
        default:
            return BuiltinDescriber(recognizer: TextRecognizer.detect(limiter: limiter), language: settings.optionalString("describer.language"))
        }
    }

    private static func visionSettings(_ settings: EffectiveSettings) throws -> VisionDescriber.Settings {
        var vision = VisionDescriber.Settings(api: settings.string("describer.name") == "ollama" ? .ollama : .openai,
                                              endpoint: settings.optionalString("describer.endpoint"),
                                              model: settings.optionalString("describer.model"))
        vision.useChat = settings.bool("describer.ollama-chat")
        vision.requestTimeout = settings.seconds("describer.request-timeout")
        vision.language = settings.optionalString("describer.language")
        vision.lengthTarget = settings.int("describer.length-target")
        vision.apiKeyEnvironment = settings.string("describer.api-key-env")
        vision.describeStructuredSlots = settings.bool("describer.model-describes-data")
        vision.longestSide = settings.int("describer.max-image-side")
        if let path = settings.optionalString("describer.prompt-file") {
            do {
                vision.template = PromptTemplate(text: String(decoding: try FileIO.read(path, limit: 1 << 20), as: UTF8.self))
            } catch {
                throw ConfigError("prompt file \(path) (\(settings.source("describer.prompt-file"))): \(error)")
            }
        }
        return vision
    }
}
