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
        let head = ChartHead(chart)
        var lines = [TextStyle.capitalized(ChartHead.typePhrase(chart.types)) + (head.title.map { ": " + $0 } ?? "")]
        if let value = chart.valueAxisTitle?.collapsingWhitespace(), !value.isEmpty {
            lines.append((isScatter(chart) ? "y axis: " : "Value axis: ") + value)
        }
        if let category = chart.categoryAxisTitle?.collapsingWhitespace(), !category.isEmpty {
            lines.append((isScatter(chart) ? "x axis: " : "Category axis: ") + category)
        }
        let format = NumberFormat(chart.valueFormat)
        let rows = isScatter(chart) && chart.series.contains(where: { $0.xValues != nil })
            ? scatterRows(chart, format)
            : categoryRows(chart, format)
        lines += rows.prefix(fullDataLimit)
        if rows.count > fullDataLimit { lines.append("… and \(rows.count - fullDataLimit) more") }
        return lines
    }

    private static func seriesName(_ series: ChartSeries, _ index: Int) -> String {
        series.name.map { $0.collapsingWhitespace() }.flatMap { $0.isEmpty ? nil : $0 } ?? "Series \(index + 1)"
    }

    private static func categoryRows(_ chart: ChartData, _ format: NumberFormat) -> [String] {
        let count = min(chart.series.map(\.values.count).max() ?? 0, 100_000)
        return (0..<count).map { index in
            let label = index < chart.categories.count ? chart.categories[index].collapsingWhitespace() : "Point \(index + 1)"
            let cells = chart.series.enumerated().map { seriesIndex, series in
                let value = index < series.values.count ? series.values[index].map { format.string($0) } ?? "–" : "–"
                return chart.series.count > 1 ? seriesName(series, seriesIndex) + " " + value : value
            }
            return label + ": " + cells.joined(separator: ", ")
        }
    }

    private static func scatterRows(_ chart: ChartData, _ format: NumberFormat) -> [String] {
        let xFormat = NumberFormat(chart.xFormat)
        return chart.series.enumerated().flatMap { seriesIndex, series in
            zip(series.xValues ?? [], series.values).compactMap { x, y -> String? in
                guard let x, let y else { return nil }
                return seriesName(series, seriesIndex) + ": x " + xFormat.string(x) + ", y " + format.string(y)
            }
        }
    }
}
