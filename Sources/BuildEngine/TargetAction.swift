public import AltbuildSupport

/// The seam between the generic engine and what a target actually is: the
/// engine decides *whether* to build and keeps the books; the action builds.
public protocol TargetAction: Sendable {
    /// Builds the output of one target from its input file, `input.path`,
    /// whose bytes the engine hashed to `digest`: the action reads the file
    /// itself and must refuse other bytes (the file may change under it), so
    /// nothing forces a deck into the parent's memory.
    /// `previousManifest` is the manifest of the target's last successful
    /// build, if the store still has it (in place, it says which text the
    /// tool itself wrote).
    /// `cancel` is set when the target's time is up or the build is
    /// interrupted; the action must stop its children and throw.
    func build(_ input: DiscoveredInput, digest: SHA256Digest, previousManifest: [UInt8]?, cancel: CancelFlag) async throws -> ActionResult

    /// Makes the output again from the input file (of `digest`) and a recipe
    /// `build` returned (`ActionResult.recipe`), without the expensive
    /// sub-steps. The engine checks the result against the output digest it recorded.
    func materialize(_ input: DiscoveredInput, digest: SHA256Digest, recipe: [UInt8], cancel: CancelFlag) async throws -> ActionOutput
}

extension TargetAction {
    /// Actions that return no recipe are never asked to materialize.
    public func materialize(_ input: DiscoveredInput, digest: SHA256Digest, recipe: [UInt8], cancel: CancelFlag) async throws -> ActionOutput {
        throw AltbuildError(.internalError, "this action keeps whole outputs and has no recipe to materialize", path: input.path)
    }
}

/// What an action produced.
public struct ActionResult: Sendable {
    public var output: ActionOutput
    /// A description of the result kept in the store, in the action's own format.
    public var manifest: [UInt8]
    /// One line for the progress output.
    public var detail: String
    /// Calls made to expensive sub-steps, and answers found in a cache instead.
    public var calls: Int
    public var cacheHits: Int
    /// Things worth a warning in the log.
    public var warnings: [String] = []
    /// New contents for declared inputs, by path: a target may keep a file
    /// of its own that is also its input (a deck's review file). The engine
    /// writes them after the output, only if the file is still what the
    /// build read, and records their new digests, so the next run is a no-op.
    public var declaredUpdates: [String: [UInt8]] = [:]
    /// What the output can be made again from, with the input: the cache
    /// keeps this (a deck's edits: a few hundred bytes) instead of a whole
    /// copy of the output, and restores by `TargetAction.materialize`.
    public var recipe: [UInt8]?

    public init(output: ActionOutput, manifest: [UInt8], detail: String, calls: Int, cacheHits: Int) {
        self.output = output
        self.manifest = manifest
        self.detail = detail
        self.calls = calls
        self.cacheHits = cacheHits
    }
}
