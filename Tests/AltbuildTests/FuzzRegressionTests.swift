import Testing
import Foundation
import AltbuildSupport
import DeckParsing
@testable import OOXML

/// Decks the fuzzer (`make fuzz`, see SECURITY.md) found crashing the reader,
/// rebuilt from their minimised inputs as small generated decks. Each must end
/// in a correct result or an AltbuildError, never a trap.
@Suite struct FuzzRegressionTests {
    /// What the fuzzer does with an input: open, inventory, then give every
    /// slot ALT text and rewrite and read back through `DeckInjector`.
    func roundTrip(_ bytes: [UInt8]) throws -> [Slot] {
        let deck = try Deck(bytes: bytes, path: "fuzz.pptx")
        let slots = try deck.inventory().slots
        let edits = slots.map { AltTextEdit(part: $0.part, ordinal: $0.ordinal, descr: "x") }
        let output = try DeckInjector.inject(deck, edits: edits, limits: .default)
        return try Deck(bytes: output, path: "out.pptx").inventory().slots
    }

    /// A picture with a caption box below it, the picture at `x`, `y` with size `cx` × `cy`.
    func captionedPicture(x: Int = 0, y: Int = 0, cx: Int = 1000, cy: Int = 1000, strict: Bool = false) -> [UInt8] {
        let shapes = DeckFixture.picture(id: 2, name: "Picture", x: x, y: y, cx: cx, cy: cy)
            + DeckFixture.textBox(id: 3, name: "Caption", text: "Figure 1", x: 0, y: 1100, cx: 1000, cy: 100)
        return DeckFixture(
            slides: [.init(shapes: shapes, relationships: [("rIdImg", "image", "../media/image1.png")])],
            strict: strict, parts: [("ppt/media/image1.png", DeckFixture.png)]
        ).bytes()
    }

    /// The fuzzer's find, minimised: a Strict deck with a picture at
    /// `y="9223372036854775807"` and a caption box whose height is -1. Looking
    /// for the caption computed `frame.y - caption.maxY`, which overflowed and
    /// trapped. Coordinates outside ECMA-376's range now give no frame.
    @Test func pictureAtInt64MaxAboveACaption() throws {
        let shapes = DeckFixture.picture(id: 2, name: "Video", y: Int(Int64.max), cx: 1000, cy: 0)
            + DeckFixture.textBox(id: 3, name: "Caption", text: "Bildunterschrift", x: 0, y: 0, cx: 1000, cy: -1)
        let bytes = DeckFixture(
            slides: [.init(shapes: shapes, relationships: [("rIdImg", "image", "../media/image1.png")])],
            strict: true, parts: [("ppt/media/image1.png", DeckFixture.png)]
        ).bytes()
        let slots = try roundTrip(bytes)
        #expect(slots.count == 1)
        #expect(slots.first?.frame == nil)
        #expect(slots.first?.descr == "x")
    }

    /// The same overflow through each coordinate, at both ends of Int64.
    @Test(arguments: [
        (Int(Int64.max), 0, 1000, 1000), (Int(Int64.min), 0, 1000, 1000),
        (0, Int(Int64.max), 1000, 1000), (0, Int(Int64.min), 1000, 1000),
        (0, 0, Int(Int64.max), 1000), (0, 0, 1000, Int(Int64.max)),
        (1, 1, Int(Int64.max), Int(Int64.max)),
    ])
    func extremeCoordinatesGiveNoFrame(x: Int, y: Int, cx: Int, cy: Int) throws {
        let slots = try roundTrip(captionedPicture(x: x, y: y, cx: cx, cy: cy))
        #expect(slots.count == 1)
        #expect(slots.first?.frame == nil)
        #expect(slots.first?.context.caption == nil)
        #expect(slots.first?.descr == "x")
    }

    /// The largest coordinates the schema allows are still read, and still find the caption.
    @Test func coordinatesAtTheSchemaLimitAreKept() throws {
        let limit = 27_273_042_329_600
        let slots = try roundTrip(captionedPicture(x: 1000 - limit, cx: limit, cy: 1000))
        #expect(slots.first?.frame == Frame(x: Int64(1000 - limit), y: 0, width: Int64(limit), height: 1000))
        #expect(slots.first?.context.caption == "Figure 1")
    }

    /// A deck whose one slide is a chart frame over `chartXML` (`chartex` for Office 2016 charts).
    func chartDeck(_ chartXML: String, chartex: Bool) -> [UInt8] {
        let frame = chartex
            ? DeckFixture.graphicFrame(id: 2, name: "Chart", uri: "http://schemas.microsoft.com/office/drawing/2014/chartex",
                                       body: #"<cx:chart r:id="rIdChart"/>"#)
            : DeckFixture.graphicFrame(id: 2, name: "Chart", uri: "http://schemas.openxmlformats.org/drawingml/2006/chart",
                                       body: #"<c:chart r:id="rIdChart"/>"#)
        let type = chartex ? "http://schemas.microsoft.com/office/2014/relationships/chartEx" : "chart"
        return DeckFixture(
            slides: [.init(shapes: frame, relationships: [("rIdChart", type, "../charts/chart1.xml")])],
            parts: [("ppt/charts/chart1.xml", Array(chartXML.utf8))]
        ).bytes()
    }

    /// The fuzzer's second find, minimised: a chartex numeric level declaring
    /// `ptCount="-2147483648"`. The reader made an array of that many points,
    /// and a negative count traps; declared counts are now clamped to 0...100,000.
    @Test(arguments: ["-2147483648", "-1", "9223372036854775807"])
    func chartexWithAnAbsurdPointCount(_ ptCount: String) throws {
        let xml = Fixtures.chartexXML.replacingOccurrences(
            of: #"<cx:lvl ptCount="3" formatCode="General">"#, with: #"<cx:lvl ptCount="\#(ptCount)" formatCode="General">"#)
        #expect(xml != Fixtures.chartexXML)
        let slots = try roundTrip(chartDeck(xml, chartex: true))
        guard case .chart(let chart)? = slots.first?.content else {
            Issue.record("no chart content: \(String(describing: slots.first?.content))")
            return
        }
        let values = chart.series.first?.values ?? []
        #expect(Array(values.prefix(3)) == [100, 50, 150])
        #expect(values.count <= 100_000)
    }

    /// The same trap in DrawingML charts' `c:numCache/c:ptCount`.
    @Test(arguments: ["-2147483648", "-1"])
    func chartWithANegativePointCount(_ ptCount: String) throws {
        let xml = Fixtures.chartXML().replacingOccurrences(
            of: #"<c:formatCode>General</c:formatCode><c:ptCount val="4"/>"#,
            with: #"<c:formatCode>General</c:formatCode><c:ptCount val="\#(ptCount)"/>"#)
        #expect(xml != Fixtures.chartXML())
        let slots = try roundTrip(chartDeck(xml, chartex: false))
        guard case .chart(let chart)? = slots.first?.content else {
            Issue.record("no chart content: \(String(describing: slots.first?.content))")
            return
        }
        #expect(chart.series.map(\.values) == [[10, 20, 30, 40], [15, 12, 9, 5]])
    }
}
