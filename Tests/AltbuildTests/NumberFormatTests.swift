import Testing
@testable import Describers

/// The chart number formatter, one case per kind of format code.
@Suite struct NumberFormatTests {
    @Test(arguments: [
        ("0%", 0.062, "6%"),
        ("0.0%", 0.062, "6.2%"),
        ("0.00%", 0.5, "50.00%"),
        ("$#,##0", 1234.5, "$1,235"),
        ("\"€\"#,##0.00", 1234.5, "€1,234.50"),
        ("[$€-2] #,##0", 1234567, "€ 1,234,567"),
        ("#,##0 \"€\"", 1500, "1,500 €"),
        ("#,##0", -1234, "-1,234"),
        ("$#,##0_);($#,##0)", -5, "-$5"),
        ("0.0#", 2.5, "2.5"),
        ("0.0#", 2.345, "2.35"),
        ("[Red]0.0", 3, "3.0"),
    ])
    func formats(code: String, value: Double, expected: String) {
        #expect(NumberFormat(code).string(value) == expected)
    }

    @Test(arguments: ["General", "", "mmm-yy", "0.00E+00", "#,##0,", "@", "# ?/?", "hh:mm"])
    func unknownFormatsFallBackToThePlainNumber(code: String) {
        #expect(NumberFormat(code).string(0.125) == "0.125")
        #expect(NumberFormat(code).string(1234) == "1234")
    }

    @Test func hugeValuesFallBack() {
        #expect(NumberFormat("#,##0").string(1e20) == TextStyle.number(1e20))
        #expect(NumberFormat(nil).string(.nan) == "n/a")
    }
}
