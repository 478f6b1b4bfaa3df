import AltbuildCore
import AltbuildSupport
import DeckModel

/// One slot as `review list --json` and `check --json` print it: a stable,
/// documented shape for scripts.
struct ReviewListItem: Encodable {
    var deck: String
    var slot: String
    var slide: Int
    var name: String
    var kind: SlotKind
    var state: ReviewState
    var text: String?
    var reason: String?
    var stale: Bool

    init(deck: String, _ entry: ReviewEntry) {
        self.init(deck: deck, ReviewGate.Entry(slot: entry.slot, slide: entry.slide, name: entry.name, kind: entry.kind,
                                               state: entry.state, reason: entry.reason, stale: entry.stale))
        text = entry.text
    }

    /// From the part of an entry `check` reads: everything but the text.
    init(deck: String, _ entry: ReviewGate.Entry) {
        self.deck = deck
        slot = entry.slot
        slide = entry.slide
        name = entry.name
        kind = entry.kind
        state = entry.state
        reason = entry.reason ?? ReviewListItem.defaultReason(entry.state)
        stale = entry.stale == true
    }

    /// What a state means when its entry gives no reason of its own.
    static func defaultReason(_ state: ReviewState) -> String? {
        switch state {
        case .generated: return "written by altbuild, not reviewed"
        case .missing: return "no ALT text"
        case .needsReview: return "no text yet"
        case .placeholder: return "a file or shape name, not a description"
        case .human, .approved, .edited, .decorative: return nil
        }
    }

    static func json(_ items: [ReviewListItem]) throws -> String {
        String(decoding: try CanonicalJSON.encode(items), as: UTF8.self)
    }

    /// `deck:slide N: shape "Name" (kind): state: reason`, the line `check` prints per problem.
    var line: String {
        deck + ":" + slotLine
    }

    /// The same without the deck, for reports that name the deck elsewhere
    /// (a GitHub annotation's `file`).
    var slotLine: String {
        var text = "slide \(slide): shape \"\(name)\" (\(kind.rawValue)): \(state.rawValue)"
        if let reason { text += ": " + reason }
        return text
    }
}
