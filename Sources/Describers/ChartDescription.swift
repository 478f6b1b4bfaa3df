import DeckModel

/// Describes a chart from its cached data: type, title, series, categories,
/// range, extremes and the direction of change. Exact where a model reading
/// pixels would guess.
enum ChartDescription {
    static func describe(_ chart: ChartData) -> String {
        let type = chart.types.isEmpty ? "chart" : TextStyle.list(chart.types.map(displayType)) + " chart"
        var first = TextStyle.capitalized(type)
        if let title = chart.title, !title.isEmpty { first += " " + TextStyle.quoted(title) }
        let named = chart.series.compactMap(\.name).filter { !$0.isEmpty }
        let points = chart.series.flatMap { series in
            series.values.enumerated().compactMap { index, value in
                value.map { (series: series.name ?? "", category: category(index, chart), value: $0) }
            }
        }
        if chart.types.first?.hasPrefix("pie") == true || chart.types.first == "doughnut", let series = chart.series.first {
            return first + pieSentence(series, chart)
        }
        if chart.series.count > 1 {
            first += " comparing \(TextStyle.plural(chart.series.count, "series", "series"))"
            if !named.isEmpty { first += " (" + TextStyle.list(named, max: 4) + ")" }
        } else if let name = named.first, name != chart.title {
            first += " of " + name
        }
        if let from = chart.categories.first, let to = chart.categories.last, chart.categories.count > 1 {
            first += " across \(chart.categories.count) categories from \(from) to \(to)"
        }
        first += "."
        guard let low = points.min(by: { $0.value < $1.value }), let high = points.max(by: { $0.value < $1.value }) else {
            return first
        }
        var second = "Values range from \(TextStyle.number(low.value))\(where_(low)) to \(TextStyle.number(high.value))\(where_(high))"
        if let trend = trend(chart) { second += "; " + trend }
        return first + " " + second + "."
    }

    private static func pieSentence(_ series: ChartSeries, _ chart: ChartData) -> String {
        let values = series.values.enumerated().compactMap { i, v in v.map { (category(i, chart), $0) } }
        let total = values.reduce(0) { $0 + $1.1 }
        var text = " with \(TextStyle.plural(values.count, "slice"))"
        guard let largest = values.max(by: { $0.1 < $1.1 }), let smallest = values.min(by: { $0.1 < $1.1 }), total > 0 else {
            return text + "."
        }
        let share = { (v: Double) in TextStyle.number((v / total * 1000).rounded() / 10) + "%" }
        text += ". The largest is \(largest.0) at \(TextStyle.number(largest.1)) (\(share(largest.1)))"
        if values.count > 1 { text += " and the smallest \(smallest.0) at \(TextStyle.number(smallest.1)) (\(share(smallest.1)))" }
        return text + "."
    }

    /// The direction of change of the first series (or the only one).
    private static func trend(_ chart: ChartData) -> String? {
        guard let series = chart.series.first else { return nil }
        let values = series.values.compactMap { $0 }
        guard values.count >= 2, let first = values.first, let last = values.last else { return nil }
        let scale = max(abs(first), abs(last), 1e-9)
        let who = chart.series.count > 1 ? (series.name.map { $0 + " " } ?? "the first series ") : ""
        let change = (last - first) / scale
        if abs(change) < 0.02 { return "\(who)stays about level at \(TextStyle.number(last))" }
        let verb = last > first ? "rises" : "falls"
        let monotonic = zip(values, values.dropFirst()).allSatisfy { last > first ? $1 >= $0 : $1 <= $0 }
        return "\(who)\(verb)\(monotonic ? "" : " overall") from \(TextStyle.number(first)) to \(TextStyle.number(last))"
    }

    private static func category(_ index: Int, _ chart: ChartData) -> String {
        index < chart.categories.count ? chart.categories[index] : "point \(index + 1)"
    }

    private static func where_(_ point: (series: String, category: String, value: Double)) -> String {
        let parts = [point.series, point.category].filter { !$0.isEmpty }
        return parts.isEmpty ? "" : " (" + parts.joined(separator: ", ") + ")"
    }

    private static func displayType(_ type: String) -> String {
        switch type {
        case "scatter": return "scatter"
        case "doughnut": return "doughnut"
        default: return type
        }
    }
}
