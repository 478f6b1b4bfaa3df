import DeckModel

/// The context-only texts for what the builtin describer cannot see
/// (pictures, media, embedded objects, groups without text): what the slide
/// says about them, in the deck's language. They are only written with
/// `--fallback context`; the review reason stays English, since it is for
/// the reviewer, not the reader.
enum ContextText {
    /// "Picture captioned “Our team”.", "Video illustrating “Results”.", "Picture on slide 3."
    static func text(_ slot: Slot, _ wording: Wording) -> String {
        guard case .phrases(let phrases) = wording else { return NeutralForm.context(slot) }
        let what = TextStyle.capitalized(phrases.noun(slot.kind))
        if let caption = slot.context.caption, !caption.isEmpty {
            return TextStyle.sentence(phrases.captioned(what, phrases.quoted(caption)))
        }
        return what + place(slot, phrases) + "."
    }

    /// "Embedded Excel worksheet illustrating “Budget”." Other languages say
    /// only "embedded object": `OLEObjectName` names programs in English.
    static func object(_ progID: String?, _ slot: Slot, _ wording: Wording) -> String {
        guard case .phrases(let phrases) = wording else { return NeutralForm.context(slot) }
        let what = phrases.code == "en" ? "Embedded \(OLEObjectName.name(progID))" : TextStyle.capitalized(phrases.noun(.oleObject))
        return what + place(slot, phrases) + "."
    }

    /// "Group illustrating “Results”."
    static func group(_ slot: Slot, _ wording: Wording) -> String {
        guard case .phrases(let phrases) = wording else { return NeutralForm.context(slot) }
        return phrases.group + place(slot, phrases) + "."
    }

    private static func place(_ slot: Slot, _ phrases: any Phrasebook) -> String {
        if let title = slot.context.slideTitle, !title.isEmpty {
            return phrases.illustrating(phrases.quoted(title.split(separator: "\n").joined(separator: " ")))
        }
        return phrases.onSlide(slot.slide)
    }
}
