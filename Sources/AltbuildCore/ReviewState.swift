/// Where a slot's ALT text stands with a person. Kept in the deck's review
/// file, never guessed from the text: generated text in a deck reads like a
/// person's, so only the record of who wrote it can tell them apart.
public enum ReviewState: String, Sendable, CaseIterable, Codable {
    /// Written by a person in the deck itself.
    case human
    /// Written by altbuild (or PowerPoint's automatic captions), not yet reviewed.
    case generated
    /// Generated, then accepted by a person.
    case approved
    /// Replaced by a person through altbuild (`review set`, the review page).
    case edited
    /// Marked decorative, in the deck or through altbuild: screen readers skip it.
    case decorative
    /// Nothing written: altbuild had nothing better than context (the reason says what).
    case needsReview = "needs-review"
    /// No ALT text, and altbuild has not looked at the slot yet (the deck was not built since).
    case missing
    /// A file name or shape name where a description should be, which altbuild could not replace.
    case placeholder

    /// A person has decided: the text is theirs or they accepted it. These
    /// are never regenerated, not by `--force`, a new model or a new config.
    public var isPersonsDecision: Bool {
        self == .approved || self == .edited
    }

    /// States `check` accepts without being told otherwise.
    public var isSettled: Bool {
        switch self {
        case .human, .approved, .edited, .decorative: return true
        case .generated, .needsReview, .missing, .placeholder: return false
        }
    }
}
