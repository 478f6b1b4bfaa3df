import AltbuildSupport
import DeckModel

/// The opening of a chart description: its type, then its subject. A short
/// title is the subject, quoted; a long one would bury the key values, so it
/// is shortened at a word boundary and said last, and the subject comes from
/// the axis titles ("of Revenue (USD) by Region") or the single series name.
struct ChartHead {
    let chart: ChartData
    let phrases: any Phrasebook
    /// The title, whitespace collapsed; nil when there is none.
    let title: String?
    let titleIsLong: Bool
    /// "Column chart “Revenue”" or "Column chart of Revenue by Region".
    let lead: String
    /// Whether `lead` already names the subject.
    let hasSubject: Bool

    init(_ chart: ChartData, _ phrases: any Phrasebook = EnglishPhrases()) {
        self.chart = chart
        self.phrases = phrases
        let title = chart.title?.collapsingWhitespace()
        self.title = title?.isEmpty == false ? title : nil
        titleIsLong = (self.title?.count ?? 0) > ChartDescription.titleLimit
        var lead = TextStyle.capitalized(Self.typePhrase(chart.types, phrases))
        var hasSubject = false
        if let title = self.title, !titleIsLong {
            lead += " " + phrases.quoted(title)
            hasSubject = true
        } else if let value = Self.clean(chart.valueAxisTitle) {
            lead += phrases.of(TextStyle.clip(value, 40))
            if let category = Self.clean(chart.categoryAxisTitle) { lead += phrases.by(TextStyle.clip(category, 30)) }
            hasSubject = true
        }
        self.lead = lead
        self.hasSubject = hasSubject
    }

    /// " comparing 3 series (A, B and C)", or " of Sales" for a single named
    /// series that is not already the subject.
    func seriesPhrase(compact: ChartDescription.Compaction) -> String {
        let named = chart.series.compactMap { $0.name.flatMap(Self.clean) }.map { TextStyle.clip($0, 24) }
        if chart.series.count > 1 {
            var text = phrases.comparing(chart.series.count)
            if !named.isEmpty, compact == .full { text += " (" + phrases.list(named, max: 3) + ")" }
            return text
        }
        if let name = named.first, !hasSubject, name != title { return phrases.of(name) }
        return ""
    }

    /// " Title: “Employment of workers with a…”." after the key values, for a long title.
    func longTitle(compact: ChartDescription.Compaction) -> String {
        guard let title, titleIsLong else { return "" }
        return phrases.title(phrases.quoted(title, limit: compact >= .categoryOnly ? 40 : ChartDescription.titleLimit))
    }

    /// "column chart", "column and line chart"; the language's word for
    /// "chart" alone when it cannot name a type.
    static func typePhrase(_ types: [String], _ phrases: any Phrasebook = EnglishPhrases()) -> String {
        types.isEmpty ? phrases.chart : phrases.chartType(types) ?? phrases.chart
    }

    private static func clean(_ text: String?) -> String? {
        guard let text = text?.collapsingWhitespace(), !text.isEmpty else { return nil }
        return text
    }
}
