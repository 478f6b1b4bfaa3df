import AltbuildSupport
/// Reads a chart part's cached data: the values PowerPoint stores next to the
/// embedded workbook so that readers can draw the chart without Excel.
enum ChartReader {
    /// `c:chartSpace` (DrawingML charts).
    static func read(_ document: XMLDocument) -> ChartData? {
        guard let chart = document.root?.child(.chart, "chart") else { return nil }
        var types: [String] = []
        var series: [ChartSeries] = []
        var categories: [String] = []
        for plot in chart.child(.chart, "plotArea")?.children ?? [] where plot.localName.hasSuffix("Chart") {
            types.append(typeName(plot))
            for ser in plot.children(.chart, "ser") {
                let name = ser.child(.chart, "tx").map(cachedStrings)?.first
                let valueSource = ser.child(.chart, "val") ?? ser.child(.chart, "yVal")
                let values = valueSource.map(cachedNumbers) ?? []
                series.append(ChartSeries(name: name, values: values))
                if categories.isEmpty, let cat = ser.child(.chart, "cat") ?? ser.child(.chart, "xVal") {
                    categories = cachedStrings(cat)
                }
            }
        }
        return ChartData(types: types, title: title(chart), series: series, categories: categories)
    }

    /// `cx:chartSpace` (Office 2016 charts: waterfall, treemap, funnel...).
    static func readChartex(_ document: XMLDocument) -> ChartData? {
        guard let root = document.root else { return nil }
        let chart = root.child(.chartex, "chart")
        let layouts = chart?.descendants { $0.is(.chartex, "series") }.compactMap { $0.attribute("layoutId") } ?? []
        var seen = Set<String>()
        let types = layouts.filter { seen.insert($0).inserted }.map(chartexTypeName)
        var series: [ChartSeries] = []
        var categories: [String] = []
        for data in root.child(.chartex, "chartData")?.children(.chartex, "data") ?? [] {
            for dimension in data.children where dimension.is(.chartex, "numDim") {
                series.append(ChartSeries(name: nil, values: points(in: dimension.descendants { $0.is(.chartex, "lvl") }.first)))
            }
            if categories.isEmpty, let strDim = data.child(.chartex, "strDim"),
               let level = strDim.descendants(where: { $0.is(.chartex, "lvl") }).first {
                categories = level.children(.chartex, "pt").map { $0.textContent }
            }
        }
        let title = chart?.child(.chartex, "title").map { paragraphsText($0).replacingNewlines() }
        return ChartData(types: types, title: title.flatMap { $0.isEmpty ? nil : $0 }, series: series, categories: categories)
    }

    /// A point count as declared, clamped to 0...100,000 before an array that
    /// size is made: the declaration is untrusted, and a negative count trapped
    /// (the fuzzer found `ptCount="-2147483648"`).
    private static func declaredCount(_ text: String?) -> Int {
        min(max(text.flatMap { Int($0) } ?? 0, 0), 100_000)
    }

    private static func points(in level: XMLElement?) -> [Double?] {
        guard let level else { return [] }
        var values = [Double?](repeating: nil, count: declaredCount(level.attribute("ptCount")))
        for pt in level.children(.chartex, "pt") {
            guard let idx = pt.attribute("idx").flatMap({ Int($0) }), idx >= 0 else { continue }
            if idx >= values.count { if idx >= 100_000 { continue }; values += [Double?](repeating: nil, count: idx - values.count + 1) }
            values[idx] = Double(pt.textContent.trimmingWhitespace())
        }
        return values
    }

    private static func title(_ chart: XMLElement) -> String? {
        guard let title = chart.child(.chart, "title") else { return nil }
        if let rich = title.path((.chart, "tx"), (.chart, "rich")) {
            let text = paragraphsText(rich).replacingNewlines()
            return text.isEmpty ? nil : text
        }
        return title.child(.chart, "tx").map(cachedStrings)?.first
    }

    /// `c:barChart` with `c:barDir val="col"` is a column chart; the rest are named after their element.
    private static func typeName(_ plot: XMLElement) -> String {
        var name = String(plot.localName.dropLast("Chart".count))
        if name.hasPrefix("bar") {
            let direction = plot.child(.chart, "barDir")?.attribute("val") ?? "col"
            name = (direction == "col" ? "column" : "bar") + name.dropFirst(3)
        }
        if name == "ofPie" { name = "pie-of-pie" }
        if name.hasSuffix("3D") { name = String(name.dropLast(2)) + " 3-D" }
        return name
    }

    private static func chartexTypeName(_ layout: String) -> String {
        switch layout {
        case "boxWhisker": return "box and whisker"
        case "clusteredColumn": return "histogram"
        case "regionMap": return "map"
        default: return layout
        }
    }

    /// Strings from `c:strRef`/`c:strLit`/`c:numRef`/`c:multiLvlStrRef` caches, by point index.
    /// Numeric categories are shown as the chart shows them: dates as dates
    /// (Excel stores them as day serials), whole numbers without ".0".
    private static func cachedStrings(_ source: XMLElement) -> [String] {
        if let v = source.child(.chart, "v") { return [v.textContent] }
        let cache = source.descendants { $0.is(.chart, "strCache") || $0.is(.chart, "numCache") || $0.is(.chart, "strLit") || $0.is(.chart, "numLit") || $0.is(.chart, "lvl") }.first
        guard let cache else { return [] }
        let values = cache.children(.chart, "pt").map { $0.child(.chart, "v")?.textContent ?? "" }
        guard cache.localName == "numCache" || cache.localName == "numLit" else { return values }
        let format = (cache.child(.chart, "formatCode")?.textContent ?? "").lowercased()
        let isDate = format.contains("yy") || format.contains("mmm") || format.contains("d/") || format.contains("/d") || format.contains("d-")
        return values.map { text in
            guard let number = Double(text.trimmingWhitespace()) else { return text }
            if isDate, let date = excelDate(number) { return date }
            if number == number.rounded() && abs(number) < 1e15 { return String(Int64(number)) }
            return text
        }
    }

    /// An Excel day serial (1900 date system) as `YYYY-MM-DD`.
    static func excelDate(_ serial: Double) -> String? {
        guard serial >= 1, serial < 2_958_466 else { return nil }
        // Serial 25569 is 1970-01-01; days since then, converted with the civil-from-days algorithm.
        let days = Int(serial.rounded(.down)) - 25_569
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(year)-\(pad(month))-\(pad(day))"
    }

    private static func cachedNumbers(_ source: XMLElement) -> [Double?] {
        guard let cache = source.descendants(where: { $0.is(.chart, "numCache") || $0.is(.chart, "numLit") }).first else { return [] }
        var values = [Double?](repeating: nil, count: declaredCount(cache.child(.chart, "ptCount")?.attribute("val")))
        for pt in cache.children(.chart, "pt") {
            guard let idx = pt.attribute("idx").flatMap({ Int($0) }), idx >= 0, idx < 100_000 else { continue }
            if idx >= values.count { values += [Double?](repeating: nil, count: idx - values.count + 1) }
            values[idx] = pt.child(.chart, "v").flatMap { Double($0.textContent.trimmingWhitespace()) }
        }
        return values
    }
}

extension String {
    func replacingNewlines() -> String {
        split(separator: "\n").joined(separator: " ")
    }
}
