import Testing
@testable import Describers
import DeckModel

/// The full data of a chart as lines, for the long description.
@Suite struct ChartFullDataTests {
    @Test func categoryChartOneLinePerCategory() {
        let chart = ChartData(types: ["column"], title: "Revenue  by\nquarter", series: [
            ChartSeries(name: "North", values: [0.1, 0.25]), ChartSeries(name: nil, values: [0.5, nil]),
        ], categories: ["Q1", "Q2"], categoryKind: .text, valueFormat: "0%", valueAxisTitle: "Share")
        #expect(ChartDescription.fullData(chart) == [
            "Column chart: Revenue by quarter",
            "Value axis: Share",
            "Q1: North 10%, Series 2 50%",
            "Q2: North 25%, Series 2 –",
        ])
    }

    @Test func scatterOneLinePerPoint() {
        let chart = ChartData(types: ["scatter"], title: nil, series: [ChartSeries(name: "A", values: [1.5, 2], xValues: [0, 8])], categories: [])
        #expect(ChartDescription.fullData(chart) == ["Scatter chart", "A: x 0, y 1.5", "A: x 8, y 2"])
    }

    @Test func longDataIsCapped() {
        let chart = ChartData(types: ["line"], title: nil, series: [ChartSeries(name: "A", values: (0..<600).map(Double.init))], categories: [])
        let lines = ChartDescription.fullData(chart)
        #expect(lines.count == 1 + ChartDescription.fullDataLimit + 1)
        #expect(lines.last == "… and 100 more")
    }
}
