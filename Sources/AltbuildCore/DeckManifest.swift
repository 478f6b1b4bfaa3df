public import DeckModel
import AltbuildSupport
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// What one build of a deck did, slot by slot, kept in the content store
/// next to the output: the graph, `explain` and in-place rebuilds read it.
public struct DeckManifest: Codable, Sendable, Equatable {
    public struct SlotEntry: Codable, Sendable, Equatable {
        public var slide: Int
        public var part: String
        public var ordinal: Int
        public var id: String
        public var kind: SlotKind
        public var mediaPart: String?
        public var mediaSha256: String?
        /// The slot's state before the build.
        public var state: AltTextState
        /// The ALT text in the output.
        public var text: String?
        /// Whether altbuild wrote `text` (rather than keeping a person's).
        public var generated: Bool
        public var decorative: Bool
        public var needsReview: Bool
        /// Why the slot was left for a person (a picture over the pixel budget).
        public var reviewReason: String? = nil
        /// The description cache key, when altbuild described the slot.
        public var descriptionKey: String?
    }

    public var version = 1
    public var slides: Int
    public var slots: [SlotEntry]

    public init(slides: Int, slots: [SlotEntry]) {
        self.slides = slides
        self.slots = slots
    }

    public func encoded() throws -> [UInt8] {
        try CanonicalJSON.encode(self)
    }

    public static func decode(_ bytes: [UInt8]) -> DeckManifest? {
        // A manifest this altbuild cannot read counts as none: in place, its texts are then kept as a person's.
        try? JSONDecoder().decode(DeckManifest.self, from: Data(bytes))
    }
}
