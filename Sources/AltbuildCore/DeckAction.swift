public import BuildEngine
public import AltbuildSupport
import DeckModel

/// Building one deck target: the pipeline, run on the input's bytes, with its
/// manifest for the store.
public struct DeckAction: TargetAction {
    public let pipeline: DeckPipeline
    /// In place, text altbuild wrote last time may be regenerated.
    public let inPlace: Bool

    public init(pipeline: DeckPipeline, inPlace: Bool) {
        self.pipeline = pipeline
        self.inPlace = inPlace
    }

    public func build(_ input: DiscoveredInput, bytes: [UInt8], previousManifest: [UInt8]?, cancel: CancelFlag) async throws -> ActionResult {
        let generated = inPlace ? (previousManifest.flatMap(DeckManifest.decode)?.generatedTexts ?? [:]) : [:]
        let (output, plan, slides) = try await pipeline.run(bytes, path: input.path, generated: generated, cancel: cancel)
        let manifest = try DeckManifest(slides: slides, slots: plan.manifest).encoded()
        var result = ActionResult(output: output, manifest: manifest, detail: plan.report.summary,
                                  calls: plan.describerCalls, cacheHits: plan.cacheHits)
        result.warnings = plan.warnings
        return result
    }
}
