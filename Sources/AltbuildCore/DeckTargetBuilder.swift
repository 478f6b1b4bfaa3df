public import BuildEngine
import AltbuildSupport
#if canImport(Glibc)
import Glibc
#endif

/// Makes decks into build targets: each input deck has one output deck under
/// the output folder, and is up to date when that output is newer than both
/// the input and the configuration stamp.
public struct DeckTargetBuilder: TargetBuilder {
    public let configuration: BuildConfiguration
    /// When the current configuration took effect (the stamp's mtime).
    public let configurationTime: Int64

    public init(configuration: BuildConfiguration, configurationTime: Int64) {
        self.configuration = configuration
        self.configurationTime = configurationTime
    }

    public func outputPath(_ input: DiscoveredInput) -> String {
        configuration.outputDirectory + "/" + input.outputRelativePath
    }

    public func isUpToDate(_ input: DiscoveredInput) -> Bool {
        guard let output = FileStamp(path: outputPath(input)), let source = FileStamp(path: input.path) else { return false }
        return output.mtimeNanoseconds >= source.mtimeNanoseconds && output.mtimeNanoseconds >= configurationTime
    }

    public func build(_ input: DiscoveredInput) async -> TargetOutcome {
        let start = monotonicSeconds()
        let output = outputPath(input)
        let pipeline = DeckPipeline(policy: configuration.policy, limits: configuration.limits, describer: configuration.describer)
        do {
            let bytes = try FileIO.read(input.path, limit: configuration.limits.maxDeckBytes)
            let (result, report) = try await pipeline.run(bytes, path: input.path)
            try FileIO.writeAtomically(result, to: output)
            return TargetOutcome(input: input.path, output: output, status: .built, detail: report.summary,
                                 seconds: monotonicSeconds() - start)
        } catch {
            // A stale output from an earlier success would look current; remove it.
            unlink(output)
            let failure = (error as? AltbuildError)?.at(input.path)
                ?? AltbuildError(.internalError, "\(error)", path: input.path)
            return TargetOutcome(input: input.path, output: output, status: .failed, error: failure,
                                 seconds: monotonicSeconds() - start)
        }
    }
}
