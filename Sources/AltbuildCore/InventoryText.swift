public import DeckModel
public import AltbuildSupport

/// The human-readable `inspect` listing: one block per slide, one line per
/// slot, saying what it is and its review state from the deck's review file
/// (generated, approved, needs-review…). Without a review file it can only
/// say what the text looks like (missing, placeholder, automatic, human or
/// decorative), and says so: generated text reads like a person's.
public enum InventoryText {
    public static func render(path: String, digest: SHA256Digest, _ inventory: DeckInventory,
                              review: ReviewFile? = nil, reviewPath: String? = nil) -> String {
        var lines: [String] = []
        let slots = inventory.slots
        let lookup = ReviewLookup(inventory: inventory, review: review)
        lines.append("\(path): \(inventory.slides.count) slides, \(slots.count) ALT-text slots (sha256 \(digest.hex.prefix(12))…)")
        if review != nil {
            lines.append("  review states from \(reviewPath ?? "its review file"):")
            for state in ReviewState.allCases {
                let count = slots.filter { lookup.entry($0)?.state == state }.count
                if count > 0 { lines.append("  \(state.rawValue): \(count)") }
            }
            let unknown = slots.filter { lookup.entry($0) == nil }.count
            if unknown > 0 { lines.append("  not in the review file (changed since the last build?): \(unknown)") }
        } else {
            lines.append("  no review file\(reviewPath.map { " at \($0)" } ?? ""): states below are guessed from the text alone")
            for state in AltTextState.allCases {
                let count = slots.filter { $0.state == state }.count
                if count > 0 { lines.append("  \(state.rawValue): \(count)") }
            }
        }
        for slide in inventory.slides {
            lines.append("")
            lines.append("slide \(slide.number) (\(slide.part))" + (slide.title.map { ": \(oneLine($0))" } ?? ""))
            if slide.slots.isEmpty { lines.append("  (no slots)") }
            for slot in slide.slots {
                let indent = String(repeating: "  ", count: slot.groupDepth + 1)
                var line = "\(indent)\(lookup.identity(slot)) \(slot.kind.rawValue) \"\(slot.name)\" [\(lookup.stateText(slot))]"
                if let branch = slot.alternateBranch { line += " (mc:\(branch))" }
                if let descr = slot.descr, !descr.isEmpty { line += " descr=\"\(oneLine(descr))\"" }
                if let media = slot.mediaPart { line += " \(media)" }
                if let caption = slot.context.caption { line += " caption=\"\(oneLine(caption))\"" }
                lines.append(line)
            }
        }
        return lines.joined(separator: "\n")
    }

    private static func oneLine(_ text: String) -> String {
        let joined = text.split(whereSeparator: \.isNewline).joined(separator: " / ")
        return joined.count > 100 ? String(joined.prefix(99)) + "…" : joined
    }
}
