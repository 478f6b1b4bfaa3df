/// A chart's cached data, as the chart part stores it for readers that cannot
/// open the embedded workbook.
///
/// The fields added after the first four are optional, so inventory JSON of
/// charts that lack them is unchanged and older JSON still decodes.
public struct ChartData: Sendable, Equatable, Codable {
    /// Plot types in plot-area order: `column`, `bar`, `line`, `pie`, ... (combo charts have several).
    public var types: [String]
    public var title: String?
    public var series: [ChartSeries]
    /// Category labels of the first series that has them.
    public var categories: [String]
    /// What the category axis is, as the part declares it. A describer may
    /// only speak of a trend along an ordered axis; text labels are ordered
    /// only when they read as time, which the describer decides.
    public var categoryKind: ChartCategoryKind?
    /// The Excel number format of the values (`0%`, `$#,##0`), nil for `General`.
    public var valueFormat: String?
    /// The value axis title (`c:valAx/c:title`): the subject or unit when the chart has no title.
    public var valueAxisTitle: String?
    /// The category axis title (`c:catAx/c:title`, `c:dateAx/c:title`).
    public var categoryAxisTitle: String?
    /// The number format of scatter and bubble x values, nil for `General`.
    public var xFormat: String?

    public init(types: [String], title: String?, series: [ChartSeries], categories: [String],
                categoryKind: ChartCategoryKind? = nil, valueFormat: String? = nil,
                valueAxisTitle: String? = nil, categoryAxisTitle: String? = nil, xFormat: String? = nil) {
        self.types = types
        self.title = title
        self.series = series
        self.categories = categories
        self.categoryKind = categoryKind
        self.valueFormat = valueFormat
        self.valueAxisTitle = valueAxisTitle
        self.categoryAxisTitle = categoryAxisTitle
        self.xFormat = xFormat
    }
}

/// Where a chart's category labels came from: a date axis and numeric
/// categories have an order of their own; text labels may be in any order
/// (countries sorted by value), so a trend over them would be invented.
public enum ChartCategoryKind: String, Sendable, Equatable, Codable {
    case date
    case number
    case text
}

public struct ChartSeries: Sendable, Equatable, Codable {
    public var name: String?
    /// Values by point index; nil where the cache has a gap.
    public var values: [Double?]
    /// Scatter and bubble x values by point index (`c:xVal`), when numeric.
    public var xValues: [Double?]?

    public init(name: String?, values: [Double?], xValues: [Double?]? = nil) {
        self.name = name
        self.values = values
        self.xValues = xValues
    }
}
