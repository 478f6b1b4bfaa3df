/// What `GET /api/slots` answers and the page renders: every deck with its
/// slots, and how many slots are left for a person.
struct ReviewSnapshot: Codable, Sendable {
    struct Deck: Codable, Sendable {
        var index: Int
        var deck: String
        var reviewFile: String
        /// Why the review file or the deck could not be read; its slots may be missing.
        var error: String?
        var slots: [SlotView]
    }

    var decks: [Deck]
    var left: Int
}

/// What `POST /api/decide` answers: the slot as it is now, and the new count.
struct DecideAnswer: Codable, Sendable {
    var slot: SlotView
    var left: Int
}
