public import AltbuildSupport
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// What an action key maps to in the action cache: the output and the
/// manifest a build produced. A small versioned record, encoded as JSON with
/// sorted keys, so the same result is the same object on every machine.
///
/// With a `recipe`, the store holds the recipe instead of the output: the
/// output is made again from the input and the recipe on restore, and must
/// then have the digest `output` records, or the restore is a miss.
public struct TargetResult: Codable, Sendable, Equatable {
    public static let currentVersion = 1

    public var version = TargetResult.currentVersion
    public var output: SHA256Digest
    public var manifest: SHA256Digest?
    /// The new contents of the declared inputs the build rewrote, as store
    /// objects, by position in the target's declared inputs (nil: not
    /// rewritten); restoring the output restores them too. By position, not
    /// path, since the same result serves the same deck anywhere.
    public var declaredUpdates: [SHA256Digest?]?
    /// The store object the output is made from with its input (`ActionResult.recipe`).
    public var recipe: SHA256Digest?

    public init(output: SHA256Digest, manifest: SHA256Digest?, declaredUpdates: [SHA256Digest?]? = nil,
                recipe: SHA256Digest? = nil) {
        self.output = output
        self.manifest = manifest
        self.declaredUpdates = declaredUpdates
        self.recipe = recipe
    }

    /// The store objects a restore reads or records besides the result
    /// itself: the manifest, the recipe, the declared inputs' new contents,
    /// and the output when no recipe stands for it. What `gc` keeps for a
    /// result and what a remote cache is sent with it.
    public var objects: [SHA256Digest] {
        [manifest, recipe].compactMap { $0 } + (declaredUpdates ?? []).compactMap { $0 } + (recipe == nil ? [output] : [])
    }

    public func encoded() throws -> [UInt8] {
        try CanonicalJSON.encode(self)
    }

    /// The record in `bytes`, or nil for one this altbuild does not know
    /// (an older format, another version): the caller treats that as a miss
    /// and builds, which is always correct.
    public static func decode(_ bytes: [UInt8]) -> TargetResult? {
        guard let result = try? JSONDecoder().decode(TargetResult.self, from: Data(bytes)),
              result.version == currentVersion else { return nil }
        return result
    }
}
