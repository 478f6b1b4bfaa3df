import AltbuildSupport
/// Reads a chart part's cached data: the values PowerPoint stores next to the
/// embedded workbook so that readers can draw the chart without Excel.
enum ChartReader {
    /// `c:chartSpace` (DrawingML charts).
    static func read(_ document: XMLDocument) -> ChartData? {
        guard let chart = document.root?.child(.chart, "chart") else { return nil }
        let plotArea = chart.child(.chart, "plotArea")
        var types: [String] = []
        var series: [ChartSeries] = []
        var categories: [String] = []
        var categoryKind: ChartCategoryKind?
        var valueFormat: String?
        var xFormat: String?
        for plot in plotArea?.children ?? [] where plot.localName.hasSuffix("Chart") {
            types.append(typeName(plot))
            for ser in plot.children(.chart, "ser") {
                let name = ser.child(.chart, "tx").map(cachedStrings)?.first?.collapsingWhitespace()
                let valueSource = ser.child(.chart, "val") ?? ser.child(.chart, "yVal")
                let values = valueSource.map(cachedNumbers) ?? []
                if valueFormat == nil { valueFormat = valueSource.flatMap(formatCode) }
                var xValues: [Double?]?
                if let xVal = ser.child(.chart, "xVal"), isNumeric(xVal) {
                    xValues = cachedNumbers(xVal)
                    if xFormat == nil { xFormat = formatCode(xVal) }
                } else if categories.isEmpty, let cat = ser.child(.chart, "cat") ?? ser.child(.chart, "xVal") {
                    categories = cachedStrings(cat).map { $0.collapsingWhitespace() }
                    categoryKind = isNumeric(cat) ? (isDateFormat(formatCode(cat)) ? .date : .number) : .text
                }
                series.append(ChartSeries(name: name, values: values, xValues: xValues))
            }
        }
        let axes = ChartAxes(plotArea)
        if plotArea?.child(.chart, "dateAx") != nil, !categories.isEmpty { categoryKind = .date }
        // A 100% stacked chart's axis counts shares of each stack ("0%"), not the values it plots.
        let percentStacked = (plotArea?.children ?? []).contains { $0.child(.chart, "grouping")?.attribute("val") == "percentStacked" }
        return ChartData(types: types, title: title(chart), series: series, categories: categories,
                         categoryKind: categoryKind,
                         valueFormat: (percentStacked ? nil : axes.valueFormat) ?? valueFormat,
                         valueAxisTitle: axes.valueTitle, categoryAxisTitle: axes.categoryTitle,
                         xFormat: axes.xFormat ?? xFormat)
    }

    /// `cx:chartSpace` (Office 2016 charts: waterfall, treemap, funnel...).
    /// Series are named from `cx:series/cx:tx` through their `cx:dataId`;
    /// a `cx:numDim type="cat"` or `"x"` is a numeric, hence ordered, category axis.
    static func readChartex(_ document: XMLDocument) -> ChartData? {
        guard let root = document.root else { return nil }
        let chart = root.child(.chartex, "chart")
        let seriesElements = chart?.descendants { $0.is(.chartex, "series") } ?? []
        var seen = Set<String>()
        let types = seriesElements.compactMap { $0.attribute("layoutId") }.filter { seen.insert($0).inserted }.map(chartexTypeName)
        var names: [String: String] = [:]
        for element in seriesElements {
            guard let id = element.child(.chartex, "dataId")?.attribute("val"),
                  let name = element.path((.chartex, "tx"), (.chartex, "txData"), (.chartex, "v"))?.textContent.collapsingWhitespace(),
                  !name.isEmpty else { continue }
            names[id] = names[id] ?? name
        }
        var series: [ChartSeries] = []
        var categories: [String] = []
        var categoryKind: ChartCategoryKind?
        var valueFormat: String?
        for data in root.child(.chartex, "chartData")?.children(.chartex, "data") ?? [] {
            let name = data.attribute("id").flatMap { names[$0] }
            for dimension in data.children where dimension.is(.chartex, "numDim") {
                let level = dimension.descendants { $0.is(.chartex, "lvl") }.first
                let values = points(in: level)
                if ["cat", "x"].contains(dimension.attribute("type") ?? "") {
                    if categories.isEmpty {
                        categories = values.map { $0.map(plainNumber) ?? "" }
                        categoryKind = isDateFormat(level?.attribute("formatCode")) ? .date : .number
                    }
                    continue
                }
                if valueFormat == nil { valueFormat = meaningfulFormat(level?.attribute("formatCode")) }
                series.append(ChartSeries(name: name, values: values))
            }
            if categories.isEmpty, let strDim = data.child(.chartex, "strDim"),
               let level = strDim.descendants(where: { $0.is(.chartex, "lvl") }).first {
                categories = level.children(.chartex, "pt").prefix(100_000).map { $0.textContent.collapsingWhitespace() }
                categoryKind = .text
            }
        }
        let title = chart?.child(.chartex, "title").map { paragraphsText($0).collapsingWhitespace() }
        let axes = chart?.child(.chartex, "plotArea")?.children(.chartex, "axis") ?? []
        let axisTitle = { (scaling: String) in
            axes.first { $0.child(.chartex, "title") != nil && $0.child(.chartex, scaling) != nil }
                .flatMap { $0.child(.chartex, "title") }.map { paragraphsText($0).collapsingWhitespace() }
                .flatMap { $0.isEmpty ? nil : $0 }
        }
        return ChartData(types: types, title: title.flatMap { $0.isEmpty ? nil : $0 }, series: series, categories: categories,
                         categoryKind: categoryKind, valueFormat: valueFormat,
                         valueAxisTitle: axisTitle("valScaling"), categoryAxisTitle: axisTitle("catScaling"))
    }

    /// A whole number without ".0", as a category label.
    private static func plainNumber(_ number: Double) -> String {
        number == number.rounded() && abs(number) < 1e15 ? String(Int64(number)) : String(number)
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

    /// A chart's or an axis's `c:title`, rich text or a cell reference, with
    /// whitespace collapsed (a line break in a title becomes a space).
    static func title(_ owner: XMLElement) -> String? {
        guard let title = owner.child(.chart, "title") else { return nil }
        let text: String?
        if let rich = title.path((.chart, "tx"), (.chart, "rich")) {
            text = paragraphsText(rich)
        } else {
            text = title.child(.chart, "tx").map(cachedStrings)?.first
        }
        return text.map { $0.collapsingWhitespace() }.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The format code of a `c:val`/`c:cat`/`c:xVal` number cache; nil for `General` or none.
    static func formatCode(_ source: XMLElement) -> String? {
        let cache = source.descendants { $0.is(.chart, "numCache") || $0.is(.chart, "numLit") }.first
        return meaningfulFormat(cache?.child(.chart, "formatCode")?.textContent)
    }

    /// A format code worth keeping: not empty, not `General`, and short (a
    /// hostile deck may put anything there; real codes are a few dozen characters).
    static func meaningfulFormat(_ code: String?) -> String? {
        guard let code = code?.trimmingWhitespace(), !code.isEmpty, code.count <= 200,
              code.lowercased() != "general" else { return nil }
        return code
    }

    /// Whether a `c:cat`/`c:xVal` holds numbers (`c:numRef`, `c:numLit`) rather than text.
    private static func isNumeric(_ source: XMLElement) -> Bool {
        source.child(.chart, "numRef") != nil || source.child(.chart, "numLit") != nil
    }

    static func isDateFormat(_ code: String?) -> Bool {
        let format = (code ?? "").lowercased()
        return format.contains("yy") || format.contains("mmm") || format.contains("d/") || format.contains("/d") || format.contains("d-")
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
        let isDate = isDateFormat(cache.child(.chart, "formatCode")?.textContent)
        return values.map { text in
            guard let number = Double(text.trimmingWhitespace()) else { return text }
            if isDate, let date = excelDate(number) { return date }
            return plainNumber(number)
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
