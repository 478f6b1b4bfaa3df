import AltbuildSupport
import DeckModel

/// Describes a chart from its cached data, in a short text aimed at
/// `lengthTarget` characters: type, subject, range and extremes, and the
/// direction of change only along an ordered axis (see `CategoryOrder`).
/// Values are written in the chart's own number format. Exact where a model
/// reading pixels would guess; the full data is `fullData(_:)`.
enum ChartDescription {
    /// What the short text aims at: long enough for the key values, short
    /// enough that a screen-reader user hears it out.
    static let lengthTarget = 150
    /// Titles longer than this are shortened, at a word boundary, and moved
    /// after the key values so the text leads with type and subject.
    static let titleLimit = 60

    /// The first rendering within `target`: in full; then without the list
    /// of series names (the extremes still name their series); then with
    /// extremes placed by category only and a long title cut shorter; and,
    /// only when the full data is in the notes (`dataElsewhere`), the gist:
    /// type, subject and range, the long title and the trend left to the notes.
    static func describe(_ chart: ChartData, _ wording: Wording = .english, target: Int = lengthTarget,
                         dataElsewhere: Bool = false) -> String {
        guard case .phrases(let phrases) = wording else { return NeutralForm.chart(chart) }
        var text = ""
        for level in Compaction.allCases where level != .gist || dataElsewhere {
            text = render(chart, level, phrases)
            if text.count <= target { break }
        }
        return text
    }

    /// How hard a rendering squeezes to reach the length target.
    enum Compaction: Int, CaseIterable, Comparable {
        case full, noSeriesList, categoryOnly, gist

        static func < (a: Compaction, b: Compaction) -> Bool { a.rawValue < b.rawValue }
    }

    private static func render(_ chart: ChartData, _ compact: Compaction, _ phrases: any Phrasebook) -> String {
        let head = ChartHead(chart, phrases)
        let format = NumberFormat(chart.valueFormat)
        let body: String
        if isScatter(chart), chart.series.contains(where: { $0.xValues != nil }) {
            body = scatterSentence(chart, head, format, compact: compact)
        } else if chart.types.first?.hasPrefix("pie") == true || chart.types.first == "doughnut", let series = chart.series.first {
            body = head.lead + pieSentence(series, chart, format, phrases)
        } else {
            body = categorySentences(chart, head, format, compact: compact)
        }
        return body + (compact == .gist ? "" : head.longTitle(compact: compact))
    }

    static func isScatter(_ chart: ChartData) -> Bool {
        chart.types.first == "scatter" || chart.types.first == "bubble"
    }

    private static func categorySentences(_ chart: ChartData, _ head: ChartHead, _ format: NumberFormat, compact: Compaction) -> String {
        let phrases = head.phrases
        var first = head.lead + head.seriesPhrase(compact: compact)
        let ordered = CategoryOrder.isOrdered(chart)
        let waterfall = chart.types.first == "waterfall"
        if chart.categories.count > 1 {
            let from = category(0, chart, phrases), to = category(chart.categories.count - 1, chart, phrases)
            if waterfall {
                first += phrases.steps(chart.categories.count, from: from, to: to)
            } else if ordered {
                first += phrases.range(from: from, to: to)
            } else {
                first += phrases.across(chart.categories.count)
            }
        }
        first += "."
        let points = chart.series.flatMap { series in
            series.values.enumerated().compactMap { index, value in
                value.map { (series: chart.series.count > 1 ? series.name ?? "" : "", category: category(index, chart, phrases), value: $0) }
            }
        }
        guard let low = points.min(by: { $0.value < $1.value }), let high = points.max(by: { $0.value < $1.value }) else {
            return first
        }
        let place = { (point: (series: String, category: String, value: Double)) -> String in
            let parts = (compact >= .categoryOnly ? [point.category] : [point.series, point.category]).filter { !$0.isEmpty }
            return parts.isEmpty ? "" : " (" + parts.joined(separator: ", ") + ")"
        }
        var second = phrases.values(low: phrases.number(low.value, format) + place(low), high: phrases.number(high.value, format) + place(high))
        if ordered, !waterfall, compact < .gist, let trend = trend(chart, format, phrases) { second += "; " + trend }
        return first + " " + second + "."
    }

    private static func scatterSentence(_ chart: ChartData, _ head: ChartHead, _ format: NumberFormat, compact: Compaction) -> String {
        let pairs = chart.series.flatMap { series in
            zip(series.xValues ?? [], series.values).compactMap { x, y in x.flatMap { x in y.map { (x, $0) } } }
        }
        let phrases = head.phrases
        var text = head.lead + head.seriesPhrase(compact: compact)
        text += phrases.points(pairs.count)
        guard let xLow = pairs.map(\.0).min(), let xHigh = pairs.map(\.0).max(),
              let yLow = pairs.map(\.1).min(), let yHigh = pairs.map(\.1).max() else { return text + "." }
        let xFormat = NumberFormat(chart.xFormat)
        let x = (phrases.number(xLow, xFormat), phrases.number(xHigh, xFormat))
        return text + phrases.axes(x: x, y: (phrases.number(yLow, format), phrases.number(yHigh, format))) + "."
    }

    private static func pieSentence(_ series: ChartSeries, _ chart: ChartData, _ format: NumberFormat, _ phrases: any Phrasebook) -> String {
        let values = series.values.enumerated().compactMap { i, v in v.map { (category(i, chart, phrases), $0) } }
        let total = values.reduce(0) { $0 + $1.1 }
        var text = phrases.slices(values.count)
        guard let largest = values.max(by: { $0.1 < $1.1 }), let smallest = values.min(by: { $0.1 < $1.1 }), total > 0 else {
            return text + "."
        }
        let value = { (v: Double) in
            format.percent ? phrases.number(v, format) : phrases.number(v, format) + " (" + phrases.number((v / total * 1000).rounded() / 10) + "%)"
        }
        text += phrases.largest(largest.0, value(largest.1))
        if values.count > 1 { text += phrases.smallest(smallest.0, value(smallest.1)) }
        return text + "."
    }

    /// The direction of change of the first series (or the only one); only
    /// called for an ordered category axis.
    private static func trend(_ chart: ChartData, _ format: NumberFormat, _ phrases: any Phrasebook) -> String? {
        guard let series = chart.series.first else { return nil }
        let values = series.values.compactMap { $0 }
        guard values.count >= 2, let first = values.first, let last = values.last else { return nil }
        let scale = max(abs(first), abs(last), 1e-9)
        let who = chart.series.count > 1 ? (series.name.map { TextStyle.clip($0, 30) } ?? phrases.firstSeries) : nil
        let change = (last - first) / scale
        let from = phrases.number(first, format), to = phrases.number(last, format)
        if abs(change) < 0.02 { return phrases.trend(who, .level, overall: false, from: from, to: to) }
        let monotonic = zip(values, values.dropFirst()).allSatisfy { last > first ? $1 >= $0 : $1 <= $0 }
        return phrases.trend(who, last > first ? .rises : .falls, overall: !monotonic, from: from, to: to)
    }

    static func category(_ index: Int, _ chart: ChartData, _ phrases: any Phrasebook = EnglishPhrases()) -> String {
        index < chart.categories.count ? TextStyle.clip(chart.categories[index], 30) : phrases.point(index + 1)
    }
}
