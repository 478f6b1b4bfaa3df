/// What happened to one deck's slots.
public struct DeckReport: Sendable, Equatable {
    public var slots = 0
    /// Slots given new ALT text by a describer.
    public var described = 0
    /// Of the described slots, those given context text (`--fallback context`).
    public var fromContext = 0
    /// Slots whose text or decoration a person decided in the review file.
    public var fromReview = 0
    /// Slots newly marked decorative by the policy.
    public var markedDecorative = 0
    /// Slots whose existing text was kept (a person's, or PowerPoint's automatic text).
    public var kept = 0
    /// Slots already decorative.
    public var decorative = 0
    /// Slots left without text for a person: nothing better than context was
    /// known, or the picture was over the pixel budget.
    public var leftForReview = 0
    /// A person's decisions whose slots are gone.
    public var staleEntries = 0

    public init() {}

    public var summary: String {
        var parts = ["\(slots) slots", "\(described) described"]
        if fromReview > 0 { parts.append("\(fromReview) from review") }
        if markedDecorative > 0 { parts.append("\(markedDecorative) marked decorative") }
        parts.append("\(kept) kept")
        if decorative > 0 { parts.append("\(decorative) decorative") }
        var text = parts.joined(separator: ", ")
        if fromContext > 0 { text += " (\(fromContext) from context only, unreviewed)" }
        if leftForReview > 0 { text += "; \(leftForReview) left for a person to describe" }
        if staleEntries > 0 { text += "; \(staleEntries) stale review entries" }
        return text
    }
}
