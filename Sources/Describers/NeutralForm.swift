import AltbuildSupport
import DeckModel

/// The texts for a language without a phrasebook (Japanese, Arabic, …):
/// only the deck's own words, numbers and neutral punctuation, so a screen
/// reader never switches to an English voice inside a Japanese deck. Less
/// than a sentence, but what a listener hears is all in the deck's language:
///
/// - chart: its subject and value range, `Sales: 90–172` (scatter: `x–x × y–y`);
/// - table: its column names and size, `Region, Q1, Q2 (4 × 3)`;
/// - SmartArt: its items, nested, `CEO (CFO, CTO)`, with "…" when cut;
/// - group: its members' texts; OCR: the text read;
/// - link: the target, or an arrow and the slide number (`→ 3`);
/// - context only: the caption, else the slide title, else nothing.
enum NeutralForm {
    static func chart(_ chart: ChartData) -> String {
        let subject = [chart.title, chart.valueAxisTitle].compactMap { $0?.collapsingWhitespace() }.first { !$0.isEmpty }
            ?? chart.series.compactMap { $0.name?.collapsingWhitespace() }.filter { !$0.isEmpty }.prefix(3).joined(separator: ", ")
        let format = NumberFormat(chart.valueFormat)
        let values = chart.series.flatMap(\.values).compactMap { $0 }
        var range = span(values, format)
        if ChartDescription.isScatter(chart) {
            let xs = chart.series.flatMap { $0.xValues ?? [] }.compactMap { $0 }
            if !xs.isEmpty, let y = range { range = (span(xs, NumberFormat(chart.xFormat)) ?? "") + " × " + y }
        }
        let title = TextStyle.clip(subject, ChartDescription.titleLimit)
        switch (title.isEmpty, range) {
        case (false, let range?): return title + ": " + range
        case (true, let range?): return range
        default: return title
        }
    }

    /// "90–172", or "90" when all values are equal; nil without values.
    private static func span(_ values: [Double], _ format: NumberFormat) -> String? {
        guard let low = values.min(), let high = values.max() else { return nil }
        return low == high ? format.string(low) : format.string(low) + "–" + format.string(high)
    }

    static func table(_ table: TableData) -> String {
        let size = "\(table.rows) × \(table.columns)"
        let names = table.header.map(TableDescription.name).filter { !$0.isEmpty }
        guard !names.isEmpty, table.rows > 0 else { return size }
        let shown = names.prefix(TableDescription.maxNames).joined(separator: ", ") + (names.count > TableDescription.maxNames ? ", …" : "")
        return shown + " (" + size + ")"
    }

    static func diagram(_ diagram: DiagramData) -> String {
        var count = 0
        var text = ""
        while count < diagram.items.count {
            let next = DiagramDescription.nested(diagram.items.prefix(count + 1), base: 0)
            if count > 0, next.count > DiagramDescription.budget { break }
            text = next
            count += 1
        }
        return text + (count < diagram.items.count || diagram.truncated ? " …" : "")
    }

    static func group(_ texts: [String]) -> String {
        texts.map { TextStyle.clip($0, 40) }.prefix(5).joined(separator: ", ") + (texts.count > 5 ? ", …" : "")
    }

    static func link(_ link: SlotLink) -> String {
        switch link {
        case .slide(let number): return "→ \(number)"
        case .url(let target): return LinkDescription.shortTarget(target)
        case .jump(let jump):
            let arrows = ["nextslide": "→", "previousslide": "←", "firstslide": "⇤", "lastslide": "⇥", "lastslideviewed": "↩", "endshow": "■"]
            return arrows[jump.lowercased()] ?? "→"
        case .action: return "▶"
        }
    }

    static func context(_ slot: Slot) -> String {
        for text in [slot.context.caption, slot.context.slideTitle] {
            if let text = text?.collapsingWhitespace(), !text.isEmpty { return TextStyle.clip(text, 80) }
        }
        return ""
    }
}
