import Testing
@testable import Describers
import DeckModel

/// Which category labels read as time, and so allow trend words.
@Suite struct CategoryOrderTests {
    @Test(arguments: ["2005", "Q1", "Q3 2024", "2024 Q3", "FY24", "FY 2024", "H2", "Jan", "January 2024", "Jan-24", "März", "févr.", "juillet",
                      "Diciembre", "2024-01-05", "1/5/2024", "05.01.2024", "2019/20", "Quarter 4"])
    func time(label: String) {
        #expect(CategoryOrder.looksLikeTime(label))
    }

    @Test(arguments: ["Norway", "Gold", "12", "Q5", "Product 2005", "1234", "North", "Any graduate education", ""])
    func notTime(label: String) {
        #expect(!CategoryOrder.looksLikeTime(label))
    }

    @Test func orderedAxes() {
        func chart(_ labels: [String], _ kind: ChartCategoryKind?) -> ChartData {
            ChartData(types: ["line"], title: nil, series: [], categories: labels, categoryKind: kind)
        }
        #expect(CategoryOrder.isOrdered(chart(["1", "2", "5"], .number)))
        #expect(!CategoryOrder.isOrdered(chart(["5", "2", "1"], .number)))
        #expect(CategoryOrder.isOrdered(chart(["2024-01-01", "2024-02-01"], .date)))
        #expect(CategoryOrder.isOrdered(chart(["Q1 2023", "Q2 2023", "Q1 2024"], .text)))
        #expect(!CategoryOrder.isOrdered(chart(["2010", "2005"], .text)))
        #expect(!CategoryOrder.isOrdered(chart(["Chile", "Peru"], .text)))
        #expect(!CategoryOrder.isOrdered(chart(["2010"], .text)))
    }
}
