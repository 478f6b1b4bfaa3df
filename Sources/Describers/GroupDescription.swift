import AltbuildSupport
import DeckModel

/// A group is described by its members' texts; one whose members say
/// nothing gets no text ("Group of 2 items: a shape and a shape" tells a
/// listener nothing), only the context-only form for review.
enum GroupDescription {
    static func describe(_ members: [GroupMember], _ slot: Slot, _ wording: Wording) -> Description {
        let texts = members.compactMap { member -> (SlotKind?, String)? in
            guard let text = member.text?.trimmingWhitespace(), !text.isEmpty else { return nil }
            return (member.kind, text)
        }
        guard !texts.isEmpty else {
            let reason = members.isEmpty ? "the group is empty" : "none of its \(TextStyle.plural(members.count, "member")) has text"
            return .contextOnly(ContextText.group(slot, wording), reason: reason)
        }
        guard case .phrases(let phrases) = wording else {
            return Description(text: NeutralForm.group(texts.map(\.1)), needsReview: false)
        }
        let parts = texts.map { kind, text in phrases.noun(kind) + " " + phrases.quoted(text, limit: 40) }
        let untold = members.count - parts.count
        var text = phrases.group + phrases.listStart + phrases.list(parts, max: 5)
        if untold > 0 { text += phrases.withoutText(untold) }
        return Description(text: TextStyle.sentence(text), needsReview: false)
    }
}
