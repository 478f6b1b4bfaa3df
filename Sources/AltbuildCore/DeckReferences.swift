public import BuildEngine
import AltbuildSupport

/// What a deck's manifest refers to: the cached description of every slot
/// altbuild described, so `gc` keeps them while the deck's record needs them.
public struct DeckReferences: ReferencePolicy {
    public init() {}

    public func references(inManifest manifest: [UInt8]) -> [ActionReference] {
        guard let decoded = DeckManifest.decode(manifest) else { return [] }
        return decoded.slots.compactMap { slot in
            slot.descriptionKey.flatMap(SHA256Digest.init(hex:)).map {
                ActionReference(namespace: DescriptionCache.namespace, key: $0)
            }
        }
    }
}
