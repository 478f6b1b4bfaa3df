import AltbuildSupport
import DeckModel

extension ChartDescription {
    /// At most this many data lines: a hostile chart may declare 100,000
    /// points, and notes that long help nobody.
    static let fullDataLimit = 500

    /// The chart's whole data as text lines, for where the short text has
    /// no room (the long description): a heading, the axis titles, then one
    /// line per category ("Q1: North 10, South 15") or, for scatter and
    /// bubble charts, per point ("North: x 1, y 2.5"), in the chart's formats.
    static func fullData(_ chart: ChartData) -> [String] {
        fullData(chart, wording: .english, phrases: NotesPhrases.byLanguage["en"] ?? .neutral)
    }

    /// As above, in a language: its chart type words and number marks, or in
    /// the neutral form only the deck's words and numbers.
    static func fullData(_ chart: ChartData, wording: Wording, phrases: NotesPhrases) -> [String] {
        let book: (any Phrasebook)? = if case .phrases(let book) = wording { book } else { nil }
        let title = chart.title?.collapsingWhitespace().nilIfEmpty
        var lines: [String] = []
        if let book {
            lines.append(TextStyle.capitalized(ChartHead.typePhrase(chart.types, book)) + (title.map { ": " + $0 } ?? ""))
        } else if let title {
            lines.append(title)
        }
        if let value = chart.valueAxisTitle?.collapsingWhitespace().nilIfEmpty {
            lines.append((isScatter(chart) ? "y: " : phrases.valueAxis) + value)
        }
        if let category = chart.categoryAxisTitle?.collapsingWhitespace().nilIfEmpty {
            lines.append((isScatter(chart) ? "x: " : phrases.categoryAxis) + category)
        }
        let numbers = ChartNumbers(chart: chart, book: book, phrases: phrases)
        let rows = isScatter(chart) && chart.series.contains(where: { $0.xValues != nil })
            ? numbers.scatterRows()
            : numbers.categoryRows()
        lines += rows.prefix(fullDataLimit)
        if rows.count > fullDataLimit { lines.append(book.map { "…" + $0.more(rows.count - fullDataLimit) } ?? "…") }
        return lines
    }
}

/// A chart's values as data lines, in its number formats and a language's marks.
struct ChartNumbers {
    let chart: ChartData
    let book: (any Phrasebook)?
    let phrases: NotesPhrases

    private func seriesName(_ series: ChartSeries, _ index: Int) -> String {
        series.name?.collapsingWhitespace().nilIfEmpty ?? phrases.series(index + 1)
    }

    private func string(_ value: Double, _ format: NumberFormat) -> String {
        book.map { $0.number(value, format) } ?? format.string(value)
    }

    func categoryRows() -> [String] {
        let format = NumberFormat(chart.valueFormat)
        let count = min(chart.series.map(\.values.count).max() ?? 0, 100_000)
        return (0..<count).map { index in
            let label = index < chart.categories.count ? chart.categories[index].collapsingWhitespace() : book.map { TextStyle.capitalized($0.point(index + 1)) } ?? String(index + 1)
            let cells = chart.series.enumerated().map { seriesIndex, series in
                let value = index < series.values.count ? series.values[index].map { string($0, format) } ?? "–" : "–"
                return chart.series.count > 1 ? seriesName(series, seriesIndex) + " " + value : value
            }
            return label + ": " + cells.joined(separator: ", ")
        }
    }

    func scatterRows() -> [String] {
        let format = NumberFormat(chart.valueFormat)
        let xFormat = NumberFormat(chart.xFormat)
        return chart.series.enumerated().flatMap { seriesIndex, series in
            zip(series.xValues ?? [], series.values).compactMap { x, y -> String? in
                guard let x, let y else { return nil }
                return seriesName(series, seriesIndex) + ": x " + string(x, xFormat) + ", y " + string(y, format)
            }
        }
    }
}
