import Testing
@testable import OOXML
@testable import Describers
import DeckModel

/// Golden texts for the chart rules of issue 12, on generated chart parts.
@Suite struct ChartDescriptionTests {
    static let trendWords = ["rises", "falls", "overall", "level"]

    func describe(_ fixture: ChartFixture) throws -> String {
        ChartDescription.describe(try #require(try fixture.read()))
    }

    @Test func unorderedCategoriesGetNoTrend() throws {
        var fixture = ChartFixture()
        fixture.categories = .text(["Norway", "Chile", "Kenya", "Peru"])
        fixture.series = [("2005", [59, 40, 22, 11])]
        let text = try describe(fixture)
        #expect(text == "Column chart of 2005 across 4 categories. Values range from 11 (Peru) to 59 (Norway).")
        for word in Self.trendWords { #expect(!text.contains(word)) }
    }

    @Test func yearsSortedByValueAreNotATimeAxis() throws {
        var fixture = ChartFixture()
        fixture.categories = .text(["2010", "2005", "2020"])
        fixture.series = [("Gold", [46, 20, 7])]
        let text = try describe(fixture)
        for word in Self.trendWords { #expect(!text.contains(word)) }
    }

    @Test func timeCategoriesGetATrend() throws {
        var fixture = ChartFixture(plot: "<c:lineChart>", plotEnd: "</c:lineChart>")
        fixture.categories = .text(["FY21", "FY22", "FY23", "FY24"])
        fixture.series = [("Cost", [9, 7, 8, 3])]
        #expect(try describe(fixture) == "Line chart of Cost from FY21 to FY24. Values range from 3 (FY24) to 9 (FY21); falls overall from 9 to 3.")
    }

    @Test func dateAxisGetsATrend() throws {
        var fixture = ChartFixture(plot: "<c:lineChart>", plotEnd: "</c:lineChart>")
        fixture.title = "Visitors"
        fixture.categories = .dates([45292, 45323, 45352])
        fixture.series = [("Visitors", [100, 150, 200])]
        fixture.axes = "<c:dateAx><c:axId val=\"1\"/></c:dateAx><c:valAx><c:axId val=\"2\"/></c:valAx>"
        #expect(try describe(fixture) == "Line chart “Visitors” from 2024-01-01 to 2024-03-01. Values range from 100 (2024-01-01) to 200 (2024-03-01); rises from 100 to 200.")
    }

    @Test func percentFormatFromTheCache() throws {
        var fixture = ChartFixture()
        fixture.title = "Unemployment"
        fixture.categories = .text(["Q1", "Q2", "Q3"])
        fixture.series = [("Rate", [0.062, 0.1, 0.29])]
        fixture.formatCode = "0%"
        let text = try describe(fixture)
        #expect(text == "Column chart “Unemployment” from Q1 to Q3. Values range from 6% (Q1) to 29% (Q3); rises from 6% to 29%.")
    }

    @Test func axisFormatOverridesWhenNotSourceLinked() throws {
        var fixture = ChartFixture()
        fixture.categories = .text(["A", "B"])
        fixture.series = [("Share", [0.062, 0.5])]
        fixture.axes = #"<c:catAx><c:axId val="1"/></c:catAx><c:valAx><c:axId val="2"/><c:numFmt formatCode="0.0%" sourceLinked="0"/></c:valAx>"#
        let text = try describe(fixture)
        #expect(text == "Column chart of Share across 2 categories. Values range from 6.2% (A) to 50.0% (B).")
    }

    @Test func currencyFormat() throws {
        var fixture = ChartFixture(plot: #"<c:barChart><c:barDir val="bar"/>"#)
        fixture.title = "Revenue"
        fixture.categories = .text(["North", "South"])
        fixture.series = [("Revenue", [1234.5, 98765])]
        fixture.formatCode = "$#,##0"
        #expect(try describe(fixture) == "Bar chart “Revenue” across 2 categories. Values range from $1,235 (North) to $98,765 (South).")
    }

    @Test func longTitleIsShortenedAtAWordAndComesLast() throws {
        var fixture = ChartFixture(plot: "<c:lineChart>", plotEnd: "</c:lineChart>")
        fixture.title = "Employment of workers with a Bachelor’s degree or better grew at a 2 percent\nto 3 percent annual rate"
        fixture.categories = .text(["2010", "2015", "2020"])
        fixture.series = [("Employment", [100, 110, 125])]
        let text = try describe(fixture)
        #expect(text == "Line chart of Employment from 2010 to 2020. Values range from 100 (2010) to 125 (2020); rises from 100 to 125. Title: “Employment of workers with a Bachelor’s…”.")
        let shown = try #require(text.split(separator: "“").last?.split(separator: "…").first)
        #expect(fixture.title?.split(whereSeparator: \.isWhitespace).joined(separator: " ").hasPrefix(shown + " ") == true)
        #expect(!text.contains("percentto"))
        #expect(text.count <= ChartDescription.lengthTarget + 20)
    }

    @Test func subjectFromAxisTitles() throws {
        var fixture = ChartFixture()
        fixture.categories = .text(["North", "South", "East"])
        fixture.series = [("Series1", [5, 7, 6])]
        fixture.axes = "<c:catAx><c:axId val=\"1\"/>\(ChartFixture.richTitle("Region"))</c:catAx><c:valAx><c:axId val=\"2\"/>\(ChartFixture.richTitle("Revenue\n(million USD)"))</c:valAx>"
        #expect(try describe(fixture) == "Column chart of Revenue (million USD) by Region across 3 categories. Values range from 5 (North) to 7 (South).")
    }

    @Test func scatterTalksAboutXAndYRanges() throws {
        var fixture = ChartFixture(plot: "<c:scatterChart>", plotEnd: "</c:scatterChart>")
        fixture.title = "הקשר בין"
        fixture.xValues = [0, 2, 4, 8, 6]
        fixture.series = [("Score", [1.5, 3, 4.25, 9, 7])]
        let text = try describe(fixture)
        #expect(text == "Scatter chart “הקשר בין” with 5 points: x from 0 to 8, y from 1.5 to 9.")
        #expect(!text.contains("categor"))
    }

    @Test func waterfallFromChartex() throws {
        let chart = try #require(ChartReader.readChartex(try XMLDocument(bytes: Array(Fixtures.chartexXML.utf8), partName: "/ppt/charts/chartEx1.xml")))
        let text = ChartDescription.describe(chart)
        #expect(text == "Waterfall chart “Cash bridge” with 3 steps from Start to End. Values range from 50 (Sales) to 150 (End).")
        for word in Self.trendWords { #expect(!text.contains(word)) }
    }

    @Test func namesAreCollapsedAndTheTextStaysShort() throws {
        var fixture = ChartFixture()
        fixture.categories = .text(["Q1", "Q2", "Q3", "Q4"])
        fixture.series = [("  Any graduate education", [1, 2, 3, 4]), ("  Bachelor's degree", [2, 3, 4, 5]), ("Some college", [3, 3, 3, 3]), ("High school", [4, 3, 2, 1])]
        let text = try describe(fixture)
        #expect(!text.contains("  "))
        #expect(!text.contains("( "))
        #expect(text.count <= ChartDescription.lengthTarget)
    }

    @Test func scatterSubjectAndFormatsFromItsTwoValueAxes() throws {
        var fixture = ChartFixture(plot: "<c:scatterChart>", plotEnd: "</c:scatterChart>")
        fixture.xValues = [1, 5, 10]
        fixture.series = [("Staff", [30000, 52000, 90000])]
        fixture.axes = """
            <c:valAx><c:axId val="1"/>\(ChartFixture.richTitle("Years of experience"))<c:axPos val="b"/></c:valAx>\
            <c:valAx><c:axId val="2"/>\(ChartFixture.richTitle("Salary"))<c:numFmt formatCode="$#,##0" sourceLinked="0"/><c:axPos val="l"/></c:valAx>
            """
        #expect(try describe(fixture) == "Scatter chart of Salary by Years of experience with 3 points: x from 1 to 10, y from $30,000 to $90,000.")
    }

    @Test func chartexSeriesNamesFormatsAndNumericCategories() throws {
        let xml = DeckFixture.header + """
            <cx:chartSpace xmlns:cx="http://schemas.microsoft.com/office/drawing/2014/chartex" xmlns:a="\(ChartFixture.a)">\
            <cx:chartData><cx:data id="0"><cx:numDim type="cat"><cx:lvl ptCount="3" formatCode="General"><cx:pt idx="0">2021</cx:pt><cx:pt idx="1">2022</cx:pt><cx:pt idx="2">2023</cx:pt></cx:lvl></cx:numDim>\
            <cx:numDim type="val"><cx:lvl ptCount="3" formatCode="0%"><cx:pt idx="0">0.5</cx:pt><cx:pt idx="1">0.3</cx:pt><cx:pt idx="2">0.2</cx:pt></cx:lvl></cx:numDim></cx:data></cx:chartData>\
            <cx:chart><cx:plotArea><cx:plotAreaRegion><cx:series layoutId="funnel"><cx:tx><cx:txData><cx:v>  Conversion\nrate </cx:v></cx:txData></cx:tx><cx:dataId val="0"/></cx:series></cx:plotAreaRegion></cx:plotArea></cx:chart></cx:chartSpace>
            """
        let chart = try #require(ChartReader.readChartex(try XMLDocument(bytes: Array(xml.utf8), partName: "/ppt/charts/chartEx2.xml")))
        #expect(chart.categoryKind == .number)
        #expect(ChartDescription.describe(chart) == "Funnel chart of Conversion rate from 2021 to 2023. Values range from 20% (2023) to 50% (2021); falls from 50% to 20%.")
    }

    @Test func hostileLabelsAreClipped() {
        let label = String(repeating: "word ", count: 2_000)
        let chart = ChartData(types: ["column"], title: label, series: [ChartSeries(name: label, values: [1, 2])], categories: [label, label],
                              valueAxisTitle: label, categoryAxisTitle: label)
        #expect(ChartDescription.describe(chart).count < 400)
    }
}
