import DeckModel

/// A chart's, table's, diagram's or group's data as a few lines of text: what
/// the reviewer checks the generated description against, in place of a
/// picture. Long lists are cut, since the page shows a card, not the data.
enum SlotDataText {
    static let maxItems = 12

    static func lines(_ content: SlotContent) -> [String] {
        switch content {
        case .none: return []
        case .chart(let chart):
            var lines = ["Chart (" + chart.types.joined(separator: ", ") + ")" + (chart.title.map { ": " + $0 } ?? "")]
            if !chart.categories.isEmpty { lines.append("Categories: " + list(chart.categories)) }
            for series in chart.series.prefix(maxItems) {
                let values = series.values.map { $0.map(number) ?? "–" }
                lines.append((series.name ?? "Series") + ": " + list(values))
            }
            return lines
        case .table(let table):
            var lines = ["Table: \(table.rows) rows × \(table.columns) columns"]
            if !table.header.isEmpty {
                lines.append((table.firstRowIsHeader ? "Header: " : "First row: ") + table.header.prefix(maxItems).joined(separator: " | "))
            }
            return lines
        case .diagram(let diagram):
            let nodes = diagram.items.prefix(maxItems).map { String(repeating: "  ", count: $0.level) + "• " + $0.text }
            return ["Diagram nodes" + (diagram.category.map { " (\($0))" } ?? "") + ":"] + nodes + more(diagram.items.count)
        case .group(let members):
            return ["Group of \(members.count):"] + members.prefix(maxItems).map { member in
                "• " + (member.kind?.rawValue ?? "text") + " \"" + member.name + "\"" + (member.text.map { ": " + $0 } ?? "")
            } + more(members.count)
        case .oleObject(let progID):
            return ["Embedded object" + (progID.map { ": " + $0 } ?? "")]
        }
    }

    private static func list(_ items: [String]) -> String {
        items.prefix(maxItems).joined(separator: ", ") + (items.count > maxItems ? ", …" : "")
    }

    private static func more(_ count: Int) -> [String] {
        count > maxItems ? ["… and \(count - maxItems) more"] : []
    }

    /// `12` rather than `12.0`; other values as Swift prints them.
    private static func number(_ value: Double) -> String {
        value.rounded() == value && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
