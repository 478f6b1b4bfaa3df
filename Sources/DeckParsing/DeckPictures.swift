public import OOXML
public import DeckModel
public import AltbuildSupport
import ImageTools

/// A deck's pictures, prepared in the worker: each distinct picture of a
/// picture slot is read once, its format sniffed and its declared size
/// checked against the pixel budget, and, when asked, scaled for a model.
/// Nothing here runs in the parent.
public struct DeckPictures {
    public let deck: Deck
    public let preparation: ImagePreparation
    /// Picture parts by digest, one each.
    public let parts: [SHA256Digest: String]

    public init(deck: Deck, inventory: DeckInventory, preparation: ImagePreparation) {
        self.deck = deck
        self.preparation = preparation
        var parts: [SHA256Digest: String] = [:]
        for slot in inventory.slots where slot.kind == .picture || slot.kind == .pictureFill {
            if let digest = slot.mediaDigest, let part = slot.mediaPart, parts[digest] == nil { parts[digest] = part }
        }
        self.parts = parts
    }

    /// Format, declared size and refusal of every picture; nothing is decoded.
    public func facts() throws -> [SHA256Digest: ImageFacts] {
        var facts: [SHA256Digest: ImageFacts] = [:]
        for (digest, part) in parts {
            facts[digest] = ImagePreparer.facts(try deck.package.bytes(of: part), maxPixels: preparation.maxPixels)
        }
        return facts
    }

    /// Every picture's facts and, unless refused, the image a describer
    /// gets: each part is read once, for both.
    public func preparedAll() throws -> [SHA256Digest: (facts: ImageFacts, image: SlotImage?)] {
        var result: [SHA256Digest: (facts: ImageFacts, image: SlotImage?)] = [:]
        for (digest, part) in parts {
            let prepared = ImagePreparer.prepare(try deck.package.bytes(of: part), preparation)
            result[digest] = (prepared.facts, prepared.image)
        }
        return result
    }

    /// One picture as a describer gets it; nil when it is refused or not a picture of this deck.
    public func prepared(_ digest: SHA256Digest) throws -> SlotImage? {
        guard let part = parts[digest] else { return nil }
        return ImagePreparer.prepare(try deck.package.bytes(of: part), preparation).image
    }
}
