/// What a chart's axes say about its values: titles (the subject and unit
/// when the chart has none) and number formats set on the axis itself.
///
/// An axis format counts only with `sourceLinked="0"`: linked formats just
/// repeat the cells' own, which the number cache already carries.
struct ChartAxes {
    var valueTitle: String?
    var categoryTitle: String?
    var valueFormat: String?
    var xFormat: String?

    init(_ plotArea: XMLElement?) {
        guard let plotArea else { return }
        let valueAxes = plotArea.children(.chart, "valAx")
        let categoryAxis = plotArea.child(.chart, "catAx") ?? plotArea.child(.chart, "dateAx")
        if let categoryAxis {
            categoryTitle = ChartReader.title(categoryAxis)
            if let value = valueAxes.first {
                valueTitle = ChartReader.title(value)
                valueFormat = Self.ownFormat(value)
            }
            return
        }
        // Scatter and bubble charts: two value axes, x along the bottom or top.
        let horizontal = { (axis: XMLElement) in ["b", "t"].contains(axis.child(.chart, "axPos")?.attribute("val") ?? "") }
        let x = valueAxes.first(where: horizontal)
        let y = valueAxes.first { !horizontal($0) }
        categoryTitle = x.flatMap(ChartReader.title)
        valueTitle = y.flatMap(ChartReader.title)
        valueFormat = y.flatMap(Self.ownFormat)
        xFormat = x.flatMap(Self.ownFormat)
    }

    private static func ownFormat(_ axis: XMLElement) -> String? {
        guard let numFmt = axis.child(.chart, "numFmt"), ["0", "false"].contains(numFmt.attribute("sourceLinked") ?? "1") else { return nil }
        return ChartReader.meaningfulFormat(numFmt.attribute("formatCode"))
    }
}
