public import DeckModel

/// One slot in a review file: who it is, what altbuild generated for it,
/// what a person decided, and the text the built deck carries.
public struct ReviewEntry: Codable, Sendable, Equatable {
    /// The stable identity (`slide3:7`) the review commands take.
    public var slot: String
    /// Slide number in presentation order when last built (for people; may change).
    public var slide: Int
    /// Shape name, as PowerPoint's selection pane shows it.
    public var name: String
    public var kind: SlotKind
    /// SHA-256 of the slot's picture or data part: a moved or copied picture
    /// keeps a person's text through it.
    public var digest: String?
    public var state: ReviewState
    /// The ALT text the built deck carries; nil for none.
    public var text: String?
    /// altbuild's own text for the slot, kept even when a person replaced it.
    public var generated: String?
    /// Why the slot needs a person, or where its text came from.
    public var reason: String?
    /// Set when a person decided (approve, set, decorative) through altbuild.
    public var reviewed: Bool?
    /// Set on a person's decision whose slot is no longer in the deck; kept
    /// so the text is not lost, and reported by `review list` and `check`.
    public var stale: Bool?

    public init(slot: String, slide: Int, name: String, kind: SlotKind, digest: String?, state: ReviewState,
                text: String?, generated: String? = nil, reason: String? = nil, reviewed: Bool? = nil, stale: Bool? = nil) {
        self.slot = slot
        self.slide = slide
        self.name = name
        self.kind = kind
        self.digest = digest
        self.state = state
        self.text = text
        self.generated = generated
        self.reason = reason
        self.reviewed = reviewed
        self.stale = stale
    }
}
