public import DeckModel
import AltbuildSupport
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// What the cache keeps of a built deck instead of a copy of it: the edits
/// the build injected. With the input deck (which the action key already
/// names) they make the same output again, byte for byte, in a worker and
/// without a describer; the engine checks the digest. A deck of 40 MB is
/// then a few hundred bytes in the cache.
public struct DeckRecipe: Codable, Sendable, Equatable {
    public static let currentVersion = 1
    public var version = DeckRecipe.currentVersion
    public var edits: DeckEdits

    public init(edits: DeckEdits) { self.edits = edits }

    public func encoded() throws -> [UInt8] { try CanonicalJSON.encode(self) }

    public static func decode(_ bytes: [UInt8]) throws -> DeckRecipe {
        let recipe = try JSONDecoder().decode(DeckRecipe.self, from: Data(bytes))
        guard recipe.version == currentVersion else {
            throw AltbuildError(.internalError, "a deck recipe of version \(recipe.version), which this altbuild does not read")
        }
        return recipe
    }
}
