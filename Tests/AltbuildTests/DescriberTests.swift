import Testing
@testable import OOXML
@testable import Describers

@Suite struct DescriberTests {
    let slots: [Slot]

    init() throws {
        slots = try Deck(bytes: Fixtures.kitchenSink().bytes(), path: "sink.pptx").inventory().slots
    }

    func text(_ id: String) throws -> Description {
        let slot = try #require(slots.first { $0.shapeID == id })
        return BuiltinDescriber().describeNow(DescriptionRequest(slot: slot))
    }

    @Test func chartFromCachedData() throws {
        let d = try text("30")
        #expect(d.text == "Column chart “Revenue by quarter” comparing 2 series from Q1 to Q4. Values range from 5 (South, Q4) to 40 (North, Q4); North rises from 10 to 40.")
        #expect(!d.needsReview)
    }

    @Test func pieChartNamesItsLargestAndSmallestSlices() {
        let chart = ChartData(types: ["pie"], title: "Market share", series: [ChartSeries(name: "Share", values: [50, 30, 20])], categories: ["A", "B", "C"])
        #expect(ChartDescription.describe(chart) == "Pie chart “Market share” with 3 slices. The largest is A at 50 (50%) and the smallest C at 20 (20%).")
    }

    @Test func fallingAndFlatSeries() {
        let falling = ChartData(types: ["line"], title: nil, series: [ChartSeries(name: "Cost", values: [9, 7, 8, 3])], categories: ["2021", "2022", "2023", "2024"])
        #expect(ChartDescription.describe(falling).hasSuffix("falls overall from 9 to 3."))
        let flat = ChartData(types: ["line"], title: nil, series: [ChartSeries(name: nil, values: [5, 5.05])], categories: ["2023", "2024"])
        #expect(ChartDescription.describe(flat).hasSuffix("stays about level at 5.05."))
    }

    @Test func tableDiagramAndGroup() throws {
        #expect(try text("32").text == "Table with 2 rows and 3 columns; columns: Region, Q1 and Q2.")
        #expect(try text("33").text == "Diagram with 3 items: Plan, Build and Ship.")
        #expect(try text("12").text == "Group: picture “A red bicycle leaning on a wall”.")
        #expect(try text("31").text.hasPrefix("Waterfall chart “Cash bridge”"))
    }

    @Test func picturesFromContextAreFlaggedForReview() throws {
        let captioned = try text("2")
        #expect(captioned.text == "Picture captioned “Figure 1: the new office”.")
        #expect(captioned.needsReview)
        #expect(captioned.reason == "only a caption is known; no vision model configured")
        #expect(try text("20").reason == "only the slide title is known; no vision model configured")
        #expect(try text("20").text == "Picture illustrating “Quarterly results”.")
        #expect(try text("50").text == "Video captioned “Figure 1: the new office”.")
        #expect(try text("51").text == "Audio clip captioned “Figure 1: the new office”.")
        #expect(try text("34").text == "Embedded Excel worksheet illustrating “Quarterly results”.")
        #expect(try text("34").needsReview)
    }

    static func bareSlot(kind: SlotKind) -> Slot {
        Slot(slide: 1, part: "ppt/slides/slide1.xml", ordinal: 0, shapeID: "5", name: "Group 4", kind: kind, descr: nil, title: nil,
             isDecorative: false, state: .missing, mediaPart: nil, mediaDigest: nil, frame: nil, alternateBranch: nil,
             groupDepth: 0, context: SlotContext(), content: .none)
    }

    /// A group whose members have no text gets none: never "Group of 2 items: a shape and a shape".
    @Test func aGroupOfMembersWithoutTextIsLeftForAPerson() {
        var slot = Self.bareSlot(kind: .group)
        slot.content = .group([GroupMember(kind: .picture, name: "Picture 1", text: nil), GroupMember(kind: nil, name: "Shape 2", text: "")])
        let described = BuiltinDescriber(recognizer: nil).describeNow(DescriptionRequest(slot: slot))
        #expect(described.needsReview && described.reason == "none of its 2 members has text")
        slot.content = .group([])
        #expect(BuiltinDescriber(recognizer: nil).describeNow(DescriptionRequest(slot: slot)).reason == "the group is empty")
        slot.content = .group([GroupMember(kind: .picture, name: "P", text: "A map of Europe"), GroupMember(kind: nil, name: "S", text: nil)])
        #expect(BuiltinDescriber(recognizer: nil).describeNow(DescriptionRequest(slot: slot)).text == "Group: picture “A map of Europe” and 1 item without text.")
    }

    /// What altbuild wrote before review states counts as a placeholder now, so it is replaced.
    @Test func oldContextEchoesArePlaceholders() {
        for echo in ["Picture illustrating “Quarterly results”.", "Picture captioned “Figure 1”.", "Picture on slide 12.",
                     "Group of 0 items: .", "Group of 2 items: a shape and a shape.", "Video captioned “Intro”."] {
            #expect(AltTextState.classify(descr: echo, shapeName: "x", decorative: false) == .placeholder, "\(echo)")
        }
        for prose in ["Picture of the team on slide 3 of the offsite", "Group: picture “A map”.", "Pictures illustrating growth"] {
            #expect(AltTextState.classify(descr: prose, shapeName: "x", decorative: false) == .human, "\(prose)")
        }
    }

    @Test func neverStartsWithImageOfAndStaysShort() throws {
        for slot in slots {
            let d = BuiltinDescriber().describeNow(DescriptionRequest(slot: slot))
            #expect(!d.text.lowercased().hasPrefix("image of"))
            #expect(!d.text.lowercased().hasPrefix("picture of"))
            #expect(!d.text.isEmpty)
            #expect(d.text.split(separator: ".").count <= 3, "\(d.text)")
        }
    }
}

@Suite struct TextStyleTests {
    @Test func sentencesEndOnce() {
        #expect(TextStyle.sentence("Picture captioned “The end.”") == "Picture captioned “The end.”")
        #expect(TextStyle.sentence("Picture captioned “The end”") == "Picture captioned “The end”.")
        #expect(TextStyle.sentence("Done?") == "Done?")
    }

    @Test func clipCutsAtWords() {
        #expect(TextStyle.clip("one two three four", 9) == "one two…")
        #expect(TextStyle.clip("  spaced \n out  ", 50) == "spaced out")
    }

    @Test func numbers() {
        #expect(TextStyle.number(1234) == "1234")
        #expect(TextStyle.number(12.345) == "12.35")
        #expect(TextStyle.number(0.12345) == "0.123")
        #expect(TextStyle.number(-3.0) == "-3")
    }
}
