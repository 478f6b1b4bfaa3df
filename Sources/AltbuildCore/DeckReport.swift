/// What happened to one deck's slots.
public struct DeckReport: Sendable, Equatable {
    public var slots = 0
    /// Slots given new ALT text.
    public var described = 0
    /// Slots newly marked decorative.
    public var markedDecorative = 0
    /// Slots whose existing text was kept (human or automatic).
    public var kept = 0
    /// Slots already decorative.
    public var decorative = 0
    /// Of the described slots, those whose text came from context alone.
    public var needsReview = 0
    /// Slots altbuild would not describe (a picture over the pixel budget):
    /// left without text for a person.
    public var leftForReview = 0

    public init() {}

    public var summary: String {
        var parts = ["\(slots) slots", "\(described) described"]
        if markedDecorative > 0 { parts.append("\(markedDecorative) marked decorative") }
        parts.append("\(kept) kept")
        if decorative > 0 { parts.append("\(decorative) decorative") }
        var text = parts.joined(separator: ", ")
        if needsReview > 0 { text += " (\(needsReview) from context only: review)" }
        if leftForReview > 0 { text += "; \(leftForReview) left for a person to describe" }
        return text
    }
}
