@testable import OOXML
import DeckModel

/// Generated chart parts for golden tests: a `c:chartSpace` with one plot,
/// its categories as text, numbers or dates, values in a number format, and
/// optional axes; parsed by the real reader.
struct ChartFixture {
    enum Categories { case text([String]), numbers([Double]), dates([Double]) }

    var plot = #"<c:barChart><c:barDir val="col"/>"#
    var plotEnd = "</c:barChart>"
    var title: String?
    var categories: Categories = .text([])
    var series: [(name: String, values: [Double])] = []
    var formatCode = "General"
    var axes = ""
    /// Scatter: x values per series, written as `c:xVal`/`c:yVal`.
    var xValues: [Double]?

    static let c = "http://schemas.openxmlformats.org/drawingml/2006/chart"
    static let a = "http://schemas.openxmlformats.org/drawingml/2006/main"

    static func richTitle(_ text: String) -> String {
        let paragraphs = text.split(separator: "\n").map { "<a:p><a:r><a:t>\($0)</a:t></a:r></a:p>" }.joined()
        return "<c:title><c:tx><c:rich><a:bodyPr/>\(paragraphs)</c:rich></c:tx></c:title>"
    }

    private static func points(_ values: [String]) -> String {
        #"<c:ptCount val="\#(values.count)"/>"# + values.enumerated().map { #"<c:pt idx="\#($0.offset)"><c:v>\#($0.element)</c:v></c:pt>"# }.joined()
    }

    private static func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }

    var xml: String {
        let categoryXML: String
        switch categories {
        case .text(let labels):
            categoryXML = labels.isEmpty ? "" : "<c:cat><c:strRef><c:strCache>\(Self.points(labels))</c:strCache></c:strRef></c:cat>"
        case .numbers(let values):
            categoryXML = "<c:cat><c:numRef><c:numCache><c:formatCode>General</c:formatCode>\(Self.points(values.map(Self.number)))</c:numCache></c:numRef></c:cat>"
        case .dates(let serials):
            categoryXML = "<c:cat><c:numRef><c:numCache><c:formatCode>mmm\\-yy</c:formatCode>\(Self.points(serials.map(Self.number)))</c:numCache></c:numRef></c:cat>"
        }
        let seriesXML = series.map { item in
            let name = "<c:tx><c:strRef><c:strCache>\(Self.points([item.name]))</c:strCache></c:strRef></c:tx>"
            let cache = "<c:numRef><c:numCache><c:formatCode>\(formatCode)</c:formatCode>\(Self.points(item.values.map(Self.number)))</c:numCache></c:numRef>"
            if let xValues {
                let xCache = "<c:numRef><c:numCache><c:formatCode>General</c:formatCode>\(Self.points(xValues.map(Self.number)))</c:numCache></c:numRef>"
                return "<c:ser>\(name)<c:xVal>\(xCache)</c:xVal><c:yVal>\(cache)</c:yVal></c:ser>"
            }
            return "<c:ser>\(name)\(categoryXML)<c:val>\(cache)</c:val></c:ser>"
        }.joined()
        return DeckFixture.header + """
            <c:chartSpace xmlns:c="\(Self.c)" xmlns:a="\(Self.a)"><c:chart>\(title.map(Self.richTitle) ?? "")\
            <c:plotArea>\(plot)\(seriesXML)\(plotEnd)\(axes)</c:plotArea></c:chart></c:chartSpace>
            """
    }

    func read() throws -> ChartData? {
        ChartReader.read(try XMLDocument(bytes: Array(xml.utf8), partName: "/ppt/charts/chart1.xml"))
    }
}
