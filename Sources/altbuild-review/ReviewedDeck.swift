import AltbuildSupport
import DeckModel

/// A deck the page reviews: where it and its review file are, and what one
/// scan through the worker found in it. The review file is read afresh for
/// every request (a person may run `altbuild review` alongside); the scan is
/// not, since the deck itself does not change while its review goes on.
struct ReviewedDeck: Sendable {
    var deckPath: String
    var reviewPath: String
    /// Scanned slots by their review identity (`slide3:7`).
    var slots: [String: Slot]
    /// The worker's prepared pictures by digest (hex): only those of this deck's slots.
    var media: [String: SlotImage]
    /// Why the deck could not be scanned, shown on the page; the review file
    /// still lists its slots, only without pictures and data.
    var scanError: String?
}
