public import DeckModel
import Describers

extension DeckPipeline {
    /// The result of the describe step: the edits to inject, the counts for
    /// the report, the manifest entry and the review entry of every slot.
    /// Built one slot at a time, in the deck's order, from its decision.
    public struct Plan: Sendable {
        public var edits: [AltTextEdit] = []
        /// altbuild's blocks in slide notes (`--long-descriptions notes`).
        public var notes: [NotesEdit] = []
        public var deckEdits: DeckEdits { DeckEdits(slots: edits, notes: notes) }
        public var report = DeckReport()
        public var manifest: [DeckManifest.SlotEntry] = []
        /// The deck's review file as this build leaves it.
        public var review: ReviewFile
        public var describerCalls = 0
        public var cacheHits = 0
        /// Things a person should know (a slot left without text, a description over the length target).
        public var warnings: [String] = []
        let fallbackContext: Bool
        /// The language of the texts the plan writes itself (links): the
        /// describer's `--language`, else the deck's.
        let language: String?
        /// The sentence a generated text ends with when its full data is in the notes.
        let pointer: String?

        init(fallbackContext: Bool, language: String? = nil, pointer: String? = nil) {
            review = ReviewFile(slots: [])
            self.fallbackContext = fallbackContext
            self.language = language
            self.pointer = pointer
        }

        /// Adds `slot` as `decision` says: kept, given a person's text or
        /// decoration, marked decorative, left for a person (`refusal`: its
        /// picture is over the pixel budget), or given the text in `answer`.
        mutating func add(_ slot: Slot, identity: String, entry: ReviewEntry?, decision: SlotDecision,
                          refusal: String?, answer: Answer?, hasDetails: Bool = false) {
            report.slots += 1
            var item = Item(slot: slot, identity: identity, previous: entry)
            switch decision {
            case .keep(let state, let reason):
                if state == .decorative { report.decorative += 1 } else { report.kept += 1 }
                item.review.state = state
                item.review.reason = reason
                if state == .decorative { item.review.text = nil }
            case .personsText(let text):
                report.fromReview += 1
                if slot.descr != text { item.write(text, decorative: false) }
                item.review.reviewed = true
                item.review.state = entry?.state ?? .edited
                item.review.text = text
            case .personsDecorative:
                report.fromReview += 1
                if !slot.isDecorative || !(slot.descr ?? "").isEmpty { item.write("", decorative: true) }
                item.review.state = .decorative
                item.review.text = nil
                item.review.reviewed = true
            case .markDecorative(let reason):
                report.markedDecorative += 1
                // A file name left in descr would still be read by some tools; clear it.
                item.write(slot.state == .placeholder || item.isAltbuildsText ? "" : nil, decorative: true)
                item.review.state = .decorative
                item.review.text = nil
                item.review.reason = reason
            case .describeLink(let link):
                let text = LinkDescription.text(link, language: language)
                report.described += 1
                if slot.descr != text { item.write(text, decorative: false) }
                item.review.state = .generated
                item.review.text = text
                item.review.generated = text
                item.review.reason = "a picture that is a link: its text says where the link goes"
            case .describe:
                if let refusal {
                    // Rare, and about the deck rather than the describer: worth a warning of its own.
                    warnings.append("slide \(slot.slide) (\(slot.name)): \(refusal); its ALT text is left for a person to write")
                    leaveForPerson(&item, reason: refusal)
                } else if let answer {
                    take(answer, into: &item, pointer: hasDetails ? pointer : nil)
                }
            }
            edits += item.edits
            manifest.append(item.manifestEntry)
            review.slots.append(item.review)
        }

        /// A person's decisions whose slots are gone stay in the file, marked stale.
        mutating func keepStale(_ stale: [ReviewEntry]) {
            for entry in stale {
                warnings.append("review entry \(entry.slot) (\(entry.name)): its slot is no longer in the deck; the entry is kept as stale")
            }
            review.slots += stale
            report.staleEntries = stale.count
        }

        private mutating func take(_ answer: Answer, into item: inout Item, pointer: String?) {
            let description = answer.description
            switch answer.source {
            case .cache: cacheHits += 1
            case .describer: describerCalls += 1
            }
            if let warning = description.warning { warnings.append(warning) }
            var text = xmlSafeText(description.text)
            item.manifest.descriptionKey = answer.key.hex
            // Context that has no words to give (the neutral form of a picture
            // with no caption or slide title) is left for a person even so.
            guard !description.needsReview || (fallbackContext && !text.isEmpty) else {
                leaveForPerson(&item, reason: description.reason ?? "only context is known")
                return
            }
            if let pointer, !description.needsReview { text += " " + pointer }
            item.write(text, decorative: false)
            report.described += 1
            if description.needsReview { report.fromContext += 1 }
            item.review.state = .generated
            item.review.text = text
            item.review.generated = text
            item.review.reason = description.needsReview
                ? "from context only (--fallback context): " + (description.reason ?? "")
                : description.reason
        }

        /// Nothing is written. Text altbuild put there before is taken out;
        /// a placeholder the deck came with stays, named for what it is.
        private mutating func leaveForPerson(_ item: inout Item, reason: String) {
            report.leftForReview += 1
            let slot = item.slot
            let ours = item.isAltbuildsText
            if ours { item.write("", decorative: false) }
            if !ours && slot.state == .automatic {
                // Asked to replace PowerPoint's text, with nothing better: it stays, still unreviewed.
                item.review.state = .generated
                item.review.text = slot.descr
                item.review.reason = "PowerPoint's automatic description, not reviewed; \(reason)"
            } else {
                let placeholder = !ours && slot.state == .placeholder
                item.review.state = placeholder ? .placeholder : .needsReview
                item.review.text = placeholder ? slot.descr : nil
                item.review.reason = placeholder ? "its text is a file or shape name, not a description; \(reason)" : reason
            }
            item.manifest.needsReview = true
            item.manifest.reviewReason = reason
        }
    }

    /// One slot as the plan builds it: its edit, manifest entry and review entry.
    struct Item {
        let slot: Slot
        let previous: ReviewEntry?
        var edits: [AltTextEdit] = []
        var manifest: DeckManifest.SlotEntry
        var review: ReviewEntry

        init(slot: Slot, identity: String, previous: ReviewEntry?) {
            self.slot = slot
            self.previous = previous
            manifest = DeckManifest.SlotEntry(
                slide: slot.slide, part: slot.part, ordinal: slot.ordinal, id: slot.shapeID, kind: slot.kind,
                mediaPart: slot.mediaPart, mediaSha256: slot.mediaDigest?.hex, state: slot.state, text: slot.descr,
                generated: false, decorative: slot.isDecorative, needsReview: false, descriptionKey: nil)
            let text = slot.descr.flatMap { $0.trimmingWhitespace().isEmpty ? nil : $0 }
            review = ReviewEntry(slot: identity, slide: slot.slide, name: slot.name, kind: slot.kind,
                                 digest: slot.mediaDigest?.hex, state: .missing, text: text,
                                 generated: previous?.generated)
        }

        /// Whether the deck's text for the slot is altbuild's own from an earlier build.
        var isAltbuildsText: Bool { SlotDecision.isAltbuildsText(slot, entry: previous) }

        /// Sets the slot's text (nil: leave it) and decoration in the output.
        mutating func write(_ text: String?, decorative: Bool) {
            edits.append(AltTextEdit(part: slot.part, ordinal: slot.ordinal, descr: text, markDecorative: decorative))
            if let text { manifest.text = text }
            manifest.generated = text.map { !$0.isEmpty } ?? false
            manifest.decorative = decorative || slot.isDecorative
        }

        var manifestEntry: DeckManifest.SlotEntry { manifest }
    }
}
