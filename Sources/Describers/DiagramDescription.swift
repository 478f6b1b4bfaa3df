import DeckModel

/// A SmartArt diagram's ALT text: its kind, the shape of its tree, and as
/// many of its items as fit the length budget, top levels first, nested as
/// the tree is ("CFO (Accounts, Payroll)"). Items that do not fit are counted, never
/// dropped silently, and `fullText` renders them all for a long description.
enum DiagramDescription {
    /// Characters the short text aims at; the count of items left out may go past it.
    static let budget = 150
    /// An item's length before it is cut, at a word boundary.
    static let itemLimit = 40

    /// "Hierarchy diagram with 7 items in 3 levels, top: CEO; under it: CFO (Accounts, Payroll), CTO (Dev)."
    /// "Process diagram with 3 steps: Plan, Build and Ship."
    static func describe(_ diagram: DiagramData, _ wording: Wording = .english, budget: Int = DiagramDescription.budget) -> String {
        guard case .phrases(let phrases) = wording else { return NeutralForm.diagram(diagram) }
        let items = diagram.items
        guard let first = items.first else { return "" }
        let levels = diagram.levels
        let kind = kindName(diagram.category)?.lowercased()
        let stepwise = levels == 1 && (kind == "process" || kind == "cycle")
        var head = phrases.diagram(kind) + phrases.diagramSize(items.count, steps: stepwise, truncated: diagram.truncated)
        if levels > 1 { head += phrases.levels(levels) }
        // A single top item leads ("top: CEO") and the rest is listed under it.
        let singleTop = levels > 1 && !items.dropFirst().contains { $0.level == 0 }
        var listed = items[...]
        if singleTop {
            head += phrases.top + LabelText.clip(first.text, itemLimit)
            listed = items.dropFirst()
            if listed.isEmpty { return TextStyle.sentence(head) }
            head += phrases.underIt
        } else {
            head += phrases.listStart
        }
        let base = singleTop ? 1 : 0
        // Items are taken level by level, so the short text gives the whole
        // top of the tree before any detail, and shown nested in reading order.
        let byLevel = listed.indices.sorted { (listed[$0].level, $0) < (listed[$1].level, $1) }
        func shown(_ count: Int) -> ArraySlice<DiagramItem> {
            let chosen = Set(byLevel.prefix(count))
            return ArraySlice(listed.indices.filter(chosen.contains).map { listed[$0] })
        }
        var count = 1
        while count < listed.count, (head + nested(shown(count + 1), base: base)).count + 1 <= budget {
            count += 1
        }
        let rest = listed.count - count
        var text = head
        if rest == 0 && levels == 1 {
            text += phrases.list(listed.map { LabelText.clip($0.text, itemLimit) }, max: listed.count)
        } else {
            text += nested(shown(count), base: base)
        }
        if rest > 0 { text += phrases.moreItems(rest) }
        return TextStyle.sentence(text)
    }

    /// Every item, one line each, indented two spaces per level below the
    /// top: the whole tree, for a long description (slide notes) where the
    /// short text has no room.
    static func fullText(_ diagram: DiagramData) -> [String] {
        var lines = diagram.items.map { String(repeating: "  ", count: $0.level) + $0.text }
        if diagram.truncated { lines.append("(more items than altbuild reads)") }
        return lines
    }

    /// The kinds a listener can picture; other layouts are just "Diagram".
    static func kindName(_ category: String?) -> String? {
        switch category?.lowercased() {
        case "hierarchy": return "Hierarchy"
        case "process": return "Process"
        case "cycle": return "Cycle"
        case "list": return "List"
        default: return nil
        }
    }

    /// Items in order, each one's children in parentheses after it:
    /// "A (A1, A2 (A2a)), B". `base` is the level that counts as the top.
    static func nested(_ items: ArraySlice<DiagramItem>, base: Int) -> String {
        var text = ""
        var open: [Int] = []  // levels whose parenthesis is still open
        var previous: Int?
        for item in items {
            let level = max(item.level - base, 0)
            let name = LabelText.clip(item.text, itemLimit)
            if let previous, level > previous {
                text += " (" + name
                open.append(previous)
            } else {
                while let last = open.last, last >= level {
                    text += ")"
                    open.removeLast()
                }
                text += (previous == nil ? "" : ", ") + name
            }
            previous = level
        }
        return text + String(repeating: ")", count: open.count)
    }
}
