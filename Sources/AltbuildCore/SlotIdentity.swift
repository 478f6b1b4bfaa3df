public import DeckModel

/// The stable name of a slot in review files and on the command line:
/// `slide3:7` is shape id 7 in `ppt/slides/slide3.xml`. Part names, unlike
/// slide numbers, survive reordering slides; when one shape id occurs twice
/// in a part (both branches of `mc:AlternateContent`), the later ones get
/// `~2`, `~3`, … in document order.
public enum SlotIdentity {
    /// Identities for `slots`, in the same order.
    public static func identities(_ slots: [Slot]) -> [String] {
        var seen: [String: Int] = [:]
        return slots.map { slot in
            let base = partName(slot.part) + ":" + slot.shapeID
            let count = (seen[base] ?? 0) + 1
            seen[base] = count
            return count == 1 ? base : base + "~\(count)"
        }
    }

    /// `ppt/slides/slide3.xml` → `slide3`; other parts keep their full name.
    static func partName(_ part: String) -> String {
        let prefix = "ppt/slides/", suffix = ".xml"
        guard part.hasPrefix(prefix), part.hasSuffix(suffix) else { return part }
        let name = part.dropFirst(prefix.count).dropLast(suffix.count)
        return name.contains("/") || name.isEmpty ? part : String(name)
    }
}
