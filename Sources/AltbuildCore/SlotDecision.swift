public import DeckModel

/// What a build does with one slot, decided from the deck, the slot's review
/// entry and the policy, before any describer is asked.
public enum SlotDecision: Sendable, Equatable {
    /// Leave the deck's text alone; `state` says whose it is.
    case keep(ReviewState, reason: String?)
    /// A person approved or edited the text through altbuild: write it.
    case personsText(String)
    /// A person marked the slot decorative through altbuild.
    case personsDecorative
    /// Found decorative (a repeat, an icon array, a texture, a small picture
    /// under `--decorative-below`), for `reason`.
    case markDecorative(reason: String)
    /// A picture that is a link: its text says where the link goes.
    case describeLink(SlotLink)
    /// Ask the describer.
    case describe

    /// Decides for `slot`, whose review entry (if any) is `entry`.
    ///
    /// A person's decision in the review file wins, unless the deck now holds
    /// text that is neither that decision nor altbuild's: then someone edited
    /// the deck itself later, and that newer human text is kept. Text the
    /// review file says altbuild wrote is altbuild's to rewrite.
    /// `detected` is the reason `DecorativeDetector` found the slot decorative, if it did.
    static func decide(_ slot: Slot, entry: ReviewEntry?, policy: AltTextPolicy, slideSize: Frame?,
                       detected: String? = nil) -> SlotDecision {
        let deckText = slot.descr?.trimmingWhitespace() ?? ""
        let altbuilds = altbuildTexts(entry)
        let newerInDeck = slot.state == .human && !altbuilds.contains(deckText)
        if let entry, !newerInDeck {
            if entry.state.isPersonsDecision, let text = entry.text { return .personsText(text) }
            if entry.state == .decorative, entry.reviewed == true { return .personsDecorative }
        }
        var judged = slot
        if isAltbuildsText(slot, entry: entry), slot.state != .decorative {
            judged.state = .missing
        }
        switch policy.action(for: judged, slideSize: slideSize) {
        case .describe:
            if let detected { return .markDecorative(reason: detected) }
            if let link = slot.link, slot.kind == .picture || slot.kind == .pictureFill { return .describeLink(link) }
            return .describe
        case .markDecorative: return .markDecorative(reason: "small picture (--decorative-below)")
        case .keep:
            switch judged.state {
            case .decorative: return .keep(.decorative, reason: nil)
            case .automatic: return .keep(.generated, reason: "PowerPoint's automatic description, not reviewed (--replace-automatic replaces it)")
            case .human, .missing, .placeholder: return .keep(.human, reason: nil)
            }
        }
    }

    /// Texts that altbuild put in the deck for this slot: what it generated,
    /// and what it wrote from a person's decision. A person's own text in the
    /// deck (`human`) is not among them.
    /// Whether the deck's text for `slot` is one altbuild put there, by the
    /// slot's review entry: then it is altbuild's to rewrite or take out.
    static func isAltbuildsText(_ slot: Slot, entry: ReviewEntry?) -> Bool {
        guard let text = slot.descr?.trimmingWhitespace(), !text.isEmpty else { return false }
        return altbuildTexts(entry).contains(text)
    }

    private static func altbuildTexts(_ entry: ReviewEntry?) -> [String] {
        guard let entry else { return [] }
        var texts = [entry.generated]
        if entry.state == .generated || entry.state.isPersonsDecision { texts.append(entry.text) }
        return texts.compactMap { $0?.trimmingWhitespace() }.filter { !$0.isEmpty }
    }
}
