public import BuildEngine
public import AltbuildSupport
import DeckModel

/// Building one deck target: the pipeline, run on the input's bytes with the
/// deck's review file, giving the output, its manifest for the store, and the
/// review file as the build leaves it.
public struct DeckAction: TargetAction {
    public let pipeline: DeckPipeline
    /// Where a deck's review file is (nil: the deck has none, as in tests of the engine alone).
    public let reviewPath: @Sendable (DiscoveredInput) -> String?

    public init(pipeline: DeckPipeline, reviewPath: @escaping @Sendable (DiscoveredInput) -> String?) {
        self.pipeline = pipeline
        self.reviewPath = reviewPath
    }

    public func build(_ input: DiscoveredInput, digest: SHA256Digest, previousManifest: [UInt8]?, cancel: CancelFlag) async throws -> ActionResult {
        let path = reviewPath(input)
        let review = try path.flatMap { try ReviewFile.read($0) }
        let (written, plan, slides) = try await pipeline.run(input.path, digest: digest, review: review?.file, cancel: cancel)
        let manifest = try DeckManifest(slides: slides, slots: plan.manifest).encoded()
        var result = ActionResult(output: ActionOutput(written), manifest: manifest, detail: plan.report.summary,
                                  calls: plan.describerCalls, cacheHits: plan.cacheHits)
        result.warnings = plan.warnings
        result.recipe = try DeckRecipe(edits: plan.deckEdits).encoded()
        // Compared as bytes: a file a person reformatted is written back in the build's one form.
        if let path {
            let encoded = try plan.review.encoded()
            if encoded != review?.bytes { result.declaredUpdates[path] = encoded }
        }
        return result
    }

    /// The output again, from the input and the edits a build recorded: an inject, no describer.
    public func materialize(_ input: DiscoveredInput, digest: SHA256Digest, recipe: [UInt8],
                            cancel: CancelFlag) async throws -> ActionOutput {
        let edits = try DeckRecipe.decode(recipe).edits
        if edits.isEmpty { return .input }
        return ActionOutput(try await pipeline.processor.inject(input.path, digest: digest, edits: edits, hashed: nil, cancel: cancel))
    }
}

extension ActionOutput {
    /// A deck the pipeline wrote, or the input itself when it wrote none.
    init(_ written: WrittenDeck?) {
        self = written.map { .file(path: $0.path, digest: $0.digest) } ?? .input
    }
}
