public import DeckModel
public import AltbuildSupport

/// The human-readable `inspect` listing: one block per slide, one line per
/// slot, saying what it is and whether its ALT text is missing, a
/// placeholder, automatic, human or decorative.
public enum InventoryText {
    public static func render(path: String, digest: SHA256Digest, _ inventory: DeckInventory) -> String {
        var lines: [String] = []
        let slots = inventory.slots
        lines.append("\(path): \(inventory.slides.count) slides, \(slots.count) ALT-text slots (sha256 \(digest.hex.prefix(12))…)")
        for state in AltTextState.allCases {
            let count = slots.filter { $0.state == state }.count
            if count > 0 { lines.append("  \(state.rawValue): \(count)") }
        }
        for slide in inventory.slides {
            lines.append("")
            lines.append("slide \(slide.number) (\(slide.part))" + (slide.title.map { ": \(oneLine($0))" } ?? ""))
            if slide.slots.isEmpty { lines.append("  (no slots)") }
            for slot in slide.slots {
                let indent = String(repeating: "  ", count: slot.groupDepth + 1)
                var line = "\(indent)#\(slot.shapeID) \(slot.kind.rawValue) \"\(slot.name)\" [\(slot.state.rawValue)]"
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
