public import DeckModel
import Describers

extension DeckPipeline {
    /// The result of the describe step: the edits to inject, the counts for
    /// the report, and the manifest entry of every slot. Built one slot at a
    /// time, in the deck's order, from what the policy decided for it.
    public struct Plan: Sendable {
        public var edits: [AltTextEdit] = []
        public var report = DeckReport()
        public var manifest: [DeckManifest.SlotEntry] = []
        public var describerCalls = 0
        public var cacheHits = 0
        /// Things a person should know about the descriptions (over the length target).
        public var warnings: [String] = []

        /// Adds `slot`: kept as it is, marked decorative, left for a person
        /// (`refusal`: its picture is over the pixel budget), or given the
        /// text in `answer`.
        mutating func add(_ slot: Slot, action: AltTextPolicy.Action, refusal: String?, answer: Answer?) {
            report.slots += 1
            var entry = DeckManifest.SlotEntry(
                slide: slot.slide, part: slot.part, ordinal: slot.ordinal, id: slot.shapeID, kind: slot.kind,
                mediaPart: slot.mediaPart, mediaSha256: slot.mediaDigest?.hex, state: slot.state, text: slot.descr,
                generated: false, decorative: slot.isDecorative, needsReview: false, descriptionKey: nil)
            switch action {
            case .keep:
                if slot.state == .decorative { report.decorative += 1 } else { report.kept += 1 }
            case .markDecorative:
                markDecorative(slot, entry: &entry)
            case .describe:
                if let refusal {
                    leaveForReview(slot, refusal: refusal, entry: &entry)
                } else if let answer {
                    write(answer, into: slot, entry: &entry)
                } else {
                    return
                }
            }
            manifest.append(entry)
        }

        private mutating func markDecorative(_ slot: Slot, entry: inout DeckManifest.SlotEntry) {
            // A file name left in descr would still be read by some tools; clear it.
            let clear: String? = slot.state == .placeholder ? "" : nil
            edits.append(AltTextEdit(part: slot.part, ordinal: slot.ordinal, descr: clear, markDecorative: true))
            report.markedDecorative += 1
            entry.decorative = true
            if clear != nil { entry.text = "" }
        }

        private mutating func leaveForReview(_ slot: Slot, refusal: String, entry: inout DeckManifest.SlotEntry) {
            report.leftForReview += 1
            warnings.append("slide \(slot.slide) (\(slot.name)): \(refusal); its ALT text is left for a person to write")
            entry.needsReview = true
            entry.reviewReason = refusal
        }

        private mutating func write(_ answer: Answer, into slot: Slot, entry: inout DeckManifest.SlotEntry) {
            let description = answer.description
            switch answer.source {
            case .cache: cacheHits += 1
            case .describer: describerCalls += 1
            }
            if let warning = description.warning { warnings.append(warning) }
            let text = xmlSafeText(description.text)
            edits.append(AltTextEdit(part: slot.part, ordinal: slot.ordinal, descr: text))
            report.described += 1
            if description.needsReview { report.needsReview += 1 }
            entry.text = text
            entry.generated = true
            entry.needsReview = description.needsReview
            entry.descriptionKey = answer.key.hex
        }
    }
}
