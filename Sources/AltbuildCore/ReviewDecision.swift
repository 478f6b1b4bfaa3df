import AltbuildSupport

/// What a person decides about one slot, through `altbuild review` or the
/// review page. Decisions change only the review file; the next build
/// carries them into the deck without calling a describer.
public enum ReviewDecision: Sendable, Equatable {
    /// Accept the generated text as it is.
    case approve
    /// Replace the text with the person's own.
    case set(String)
    /// Screen readers should skip the slot.
    case decorative
    /// Forget the decision: back to altbuild's generated text.
    case reset

    /// What the review file says about a decision.
    var reason: String? {
        switch self {
        case .approve: return "approved by a person"
        case .set: return "written by a person"
        case .decorative: return "marked decorative by a person"
        case .reset: return nil
        }
    }

    public var verb: String {
        switch self {
        case .approve: return "approve"
        case .set: return "set"
        case .decorative: return "decorative"
        case .reset: return "reset"
        }
    }
}

extension ReviewFile {
    /// Applies `decision` to the slot named `slot`, returning its new entry.
    /// Errors name the review file (`path`), the slot and what is wrong.
    @discardableResult
    public mutating func apply(_ decision: ReviewDecision, to slot: String, path: String) throws -> ReviewEntry {
        guard let index = slots.firstIndex(where: { $0.slot == slot }) else {
            let known = slots.prefix(6).map(\.slot).joined(separator: ", ")
            throw AltbuildError(.reviewSlotUnknown, "no slot \"\(slot)\" in the review file (its slots: \(known)\(slots.count > 6 ? ", …" : ""))", path: path)
        }
        var entry = slots[index]
        switch decision {
        case .approve:
            guard entry.state == .generated || entry.state.isPersonsDecision, let text = entry.text, !text.isEmpty else {
                throw AltbuildError(.reviewNotApplicable, "slot \(slot) is \(entry.state.rawValue) and has no generated text to approve; use `altbuild review set` to write one", path: path)
            }
            if entry.state == .generated { entry.state = .approved }
        case .set(let text):
            let trimmed = text.trimmingWhitespace()
            guard !trimmed.isEmpty else {
                throw AltbuildError(.reviewNotApplicable, "an empty text is not a description; use `altbuild review decorative` for a slot screen readers should skip", path: path)
            }
            entry.state = .edited
            entry.text = trimmed
        case .decorative:
            entry.state = .decorative
            entry.text = nil
        case .reset:
            entry.state = entry.generated == nil ? .needsReview : .generated
            entry.text = entry.generated
        }
        entry.reviewed = decision == .reset ? nil : true
        entry.reason = decision.reason
        slots[index] = entry
        return entry
    }

    /// Approves every slot whose state is `generated`; returns their identities.
    public mutating func approveAll() -> [String] {
        var approved: [String] = []
        for index in slots.indices where slots[index].state == .generated && !(slots[index].text ?? "").isEmpty {
            slots[index].state = .approved
            slots[index].reviewed = true
            slots[index].reason = ReviewDecision.approve.reason
            approved.append(slots[index].slot)
        }
        return approved
    }
}
