import Testing
import Foundation
@testable import OOXML
@testable import Describers
import DeckModel

/// `--long-descriptions notes` end to end on the built binary: a chart's
/// full data lands in its slide's notes under altbuild's markers, notes
/// parts are made when missing, a rebuild never duplicates the block, and
/// the person's own notes are never touched.
@Suite(.serialized) struct LongDescriptionNotesTests {
    let project: String
    let fm = FileManager.default
    static let start = "── altbuild: long descriptions ──"
    static let end = "── altbuild: end ──"
    static let chartLines = ["Column chart: Revenue by quarter", "Q1: North 10, South 15", "Q2: North 20, South 12",
                             "Q3: North 30, South 9", "Q4: North 40, South 5"]

    init() throws {
        project = Fixtures.temporaryDirectory()
    }

    /// Paragraphs as the notes body holds them, one string each.
    static func notes(_ paragraphs: [String]) -> String {
        paragraphs.joined(separator: "</a:t></a:r></a:p><a:p><a:r><a:t>")
    }

    /// Slide 1: a chart, no notes. Slide 2: a chart and `notes`, if any.
    static func deck(notes: String? = nil) -> [UInt8] {
        let chart = DeckFixture.graphicFrame(id: 4, name: "Chart 3", uri: "http://schemas.openxmlformats.org/drawingml/2006/chart",
                                             body: #"<c:chart r:id="rIdChart"/>"#)
        let rels: [(id: String, type: String, target: String)] = [("rIdChart", "chart", "../charts/chart1.xml")]
        return DeckFixture(
            slides: [.init(shapes: chart, relationships: rels), .init(shapes: chart, relationships: rels, notes: notes)],
            parts: [("ppt/charts/chart1.xml", Array(Fixtures.chartXML().utf8))]).bytes()
    }

    func run(_ arguments: String...) throws -> BinaryRunner.Result {
        try BinaryRunner.run(arguments, in: project)
    }

    /// The paragraphs of slide `number`'s notes body (nil: the slide has no notes part).
    static func notesParagraphs(_ deck: Deck, slide number: Int) throws -> [String]? {
        let part = deck.slideParts[number - 1]
        guard let rel = try deck.package.relationships(of: part).first(where: { $0.kind == "notesSlide" }) else { return nil }
        let document = try deck.package.xml(rel.target)  // kept alive: elements borrow from it
        let tree = document.root?.path((.presentation, "cSld"), (.presentation, "spTree"))
        return tree?.descendants(where: isNotesBody).flatMap { $0.descendants { $0.is(.drawing, "p") }.map(paragraphText) }
    }

    func chartTexts(_ path: String) throws -> [String?] {
        try Deck(path: "\(project)/\(path)").inventory().slots.map(\.descr)
    }

    @Test func theFullDataGoesIntoTheNotesOnceAndThePersonsNotesStay() throws {
        // Two stale blocks (slides pasted from two built decks): one block takes their place.
        let personal = Self.notes(["Intro", Self.start, "a stale line", Self.end, "Middle", Self.start, "another", Self.end, "Outro"])
        try fm.write(Self.deck(notes: personal), to: "\(project)/decks/d.pptx")
        let first = try run("build", "decks", "--long-descriptions", "notes")
        #expect(first.status == 0, "\(first.stdout)\(first.stderr)")
        let output = "\(project)/build/decks/d.pptx"
        let deck = try Deck(path: output)
        // Slide 1 had no notes: a notes slide, notes master and theme were made.
        #expect(try Self.notesParagraphs(deck, slide: 1) == [Self.start] + Self.chartLines + [Self.end])
        #expect(try deck.package.relationships(of: deck.presentationPart).contains { $0.kind == "notesMaster" })
        let types = String(decoding: try deck.package.bytes(of: "[Content_Types].xml"), as: UTF8.self)
        #expect(types.contains("/ppt/notesSlides/notesSlide1.xml") && types.contains("notesMaster+xml") && types.contains("theme+xml"))
        #expect(String(decoding: try deck.package.bytes(of: "ppt/presentation.xml"), as: UTF8.self).contains("<p:notesMasterIdLst><p:notesMasterId r:id="))
        // Slide 2: the stale block replaced where it was, the person's lines around it untouched.
        #expect(try Self.notesParagraphs(deck, slide: 2) == ["Intro", Self.start] + Self.chartLines + [Self.end, "Middle", "Outro"])
        // Context for describers never includes altbuild's block.
        #expect(try deck.inventory().slots[1].context.notes == "Intro\nMiddle\nOutro")
        for text in try chartTexts("build/decks/d.pptx") {
            #expect(text?.hasPrefix("Column chart “Revenue by quarter”") == true)
            #expect(text?.hasSuffix(" Full data in the slide notes.") == true)
        }

        // The output built again in place, with no cache: byte for byte the same, no second block.
        try fm.createDirectory(atPath: "\(project)/again", withIntermediateDirectories: true)
        try fm.copyItem(atPath: output, toPath: "\(project)/again/d.pptx")
        let again = try run("build", "again", "--in-place", "--long-descriptions", "notes", "--cache-dir", "other-cache")
        #expect(again.status == 0, "\(again.stdout)\(again.stderr)")
        #expect(fm.contents(atPath: "\(project)/again/d.pptx") == fm.contents(atPath: output))

        // Off: the block goes, the person's notes stay, the ALT text no longer points at the notes.
        let off = try run("build", "decks", "--long-descriptions", "off")
        #expect(off.status == 0, "\(off.stdout)\(off.stderr)")
        let plain = try Deck(path: output)
        #expect(try Self.notesParagraphs(plain, slide: 2) == ["Intro", "Middle", "Outro"])
        #expect(try Self.notesParagraphs(plain, slide: 1) == nil)
        for text in try chartTexts("build/decks/d.pptx") { #expect(text?.contains("notes") == false) }
        // In place, the notes page altbuild made stays, emptied: it may hold a person's notes by now.
        let offInPlace = try run("build", "again", "--in-place", "--long-descriptions", "off", "--cache-dir", "other-cache")
        #expect(offInPlace.status == 0, "\(offInPlace.stdout)\(offInPlace.stderr)")
        #expect(try Self.notesParagraphs(try Deck(path: "\(project)/again/d.pptx"), slide: 1) == [""])
    }

    @Test func aBlockWithoutItsEndLineIsLeftAsItIsWithAWarning() throws {
        let paragraphs = ["Intro", Self.start, "my own line after a deleted end marker"]
        try fm.write(Self.deck(notes: Self.notes(paragraphs)), to: "\(project)/decks/d.pptx")
        let result = try run("build", "decks", "--long-descriptions", "notes")
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect((result.stdout + result.stderr).contains("without its end line"))
        let deck = try Deck(path: "\(project)/build/decks/d.pptx")
        #expect(try Self.notesParagraphs(deck, slide: 2) == paragraphs)
        #expect(try Self.notesParagraphs(deck, slide: 1) == [Self.start] + Self.chartLines + [Self.end])
    }

    @Test func theBlockIsInTheTextsLanguageAndDirection() throws {
        try fm.write(Self.deck(), to: "\(project)/decks/d.pptx")
        let german = try run("build", "decks", "--long-descriptions", "notes", "--language", "de")
        #expect(german.status == 0, "\(german.stdout)\(german.stderr)")
        let deck = try Deck(path: "\(project)/build/decks/d.pptx")
        let lines = try #require(try Self.notesParagraphs(deck, slide: 1))
        #expect(lines.first == "── altbuild: ausführliche Beschreibungen ──" && lines.last == "── altbuild: Ende ──")
        #expect(lines.dropFirst().first == "Säulendiagramm: Revenue by quarter")
        #expect(try chartTexts("build/decks/d.pptx").first??.hasSuffix("Alle Daten in den Notizen der Folie.") == true)
        let xml = String(decoding: try deck.package.bytes(of: "ppt/notesSlides/notesSlide1.xml"), as: UTF8.self)
        #expect(xml.contains(#"<a:rPr lang="de" dirty="0"/>"#))

        let hebrew = try run("build", "decks", "--long-descriptions", "notes", "--language", "he")
        #expect(hebrew.status == 0, "\(hebrew.stdout)\(hebrew.stderr)")
        let rtl = try Deck(path: "\(project)/build/decks/d.pptx")
        #expect(try Self.notesParagraphs(rtl, slide: 1)?.first == "── altbuild: תיאורים מפורטים ──")
        #expect(String(decoding: try rtl.package.bytes(of: "ppt/notesSlides/notesSlide1.xml"), as: UTF8.self).contains(#"<a:pPr algn="r" rtl="1"/>"#))
    }
}

/// The block's markers, found by shape whatever their language.
@Suite struct NotesBlockTests {
    @Test func markersAreFoundByTheirShape() {
        #expect(NotesBlock.isMarker("── altbuild: ausführliche Beschreibungen ──"))
        #expect(NotesBlock.isMarker("  ── altbuild ──  "))
        #expect(!NotesBlock.isMarker("── altbuild"))
        #expect(!NotesBlock.isMarker("Ask altbuild ── later"))
    }

    @Test func theBlockIsTheFirstMarkerToTheNext() {
        let paragraphs = ["a", "── altbuild: x ──", "1", "── altbuild: end ──", "b"]
        #expect(NotesBlock.locate(paragraphs) == .blocks([1..<4]))
        let twice = ["a", "── altbuild: x ──", "1", "── altbuild: end ──", "b", "── altbuild: x ──", "2", "── altbuild: end ──"]
        #expect(NotesBlock.locate(twice) == .blocks([1..<4, 5..<8]))
        #expect(NotesBlock.found(in: twice) == .several)
        #expect(NotesBlock.personsParagraphs(twice) == ["a", "b"])
        #expect(NotesBlock.found(in: paragraphs) == .lines(["1"]))
        #expect(NotesBlock.personsParagraphs(paragraphs) == ["a", "b"])
        #expect(NotesBlock.locate(["a", "── altbuild: x ──", "b"]) == .unterminated(at: 1))
        #expect(NotesBlock.personsParagraphs(["a", "── altbuild: x ──", "b"]) == ["a", "b"])
        #expect(NotesBlock.locate(["a"]) == nil)
    }

    @Test func relativeTargetsClimbToTheCommonFolder() {
        #expect(PartNames.relative("ppt/notesSlides/notesSlide1.xml", from: "ppt/slides/slide1.xml") == "../notesSlides/notesSlide1.xml")
        #expect(PartNames.relative("ppt/slides/slide2.xml", from: "ppt/slides/slide1.xml") == "slide2.xml")
        #expect(PartNames.relative("ppt/notesMasters/notesMaster1.xml", from: "ppt/presentation.xml") == "notesMasters/notesMaster1.xml")
    }

    @Test func aDiagramsTreeIsItsLongDescription() {
        let diagram = DiagramData(category: "hierarchy", items: [
            DiagramItem("CEO"), DiagramItem("CFO\tand  treasurer", level: 1), DiagramItem("CTO", level: 1),
        ])
        let slot = Slot(slide: 1, part: "p", ordinal: 0, shapeID: "1", name: "D", kind: .diagram, descr: nil, title: nil,
                        isDecorative: false, state: .missing, mediaPart: nil, mediaDigest: nil, frame: nil, alternateBranch: nil,
                        groupDepth: 0, context: SlotContext(), content: .diagram(diagram))
        #expect(LongDescription(language: nil, deckLanguage: nil).lines(for: slot) == ["Hierarchy diagram", "CEO", "  CFO and treasurer", "  CTO"])
        #expect(LongDescription(language: "ja", deckLanguage: nil).lines(for: slot) == ["CEO", "  CFO and treasurer", "  CTO"])
        #expect(LongDescription(language: "ja", deckLanguage: nil).block(["x"]) == ["── altbuild ──", "x", "── altbuild ──"])
    }
}

/// What the notes mode changes in the short text and which charts get a block.
@Suite struct LongDescriptionTextTests {
    func slot(_ content: SlotContent, kind: SlotKind = .chart) -> Slot {
        Slot(slide: 1, part: "p", ordinal: 0, shapeID: "1", name: "C", kind: kind, descr: nil, title: nil,
             isDecorative: false, state: .missing, mediaPart: nil, mediaDigest: nil, frame: nil, alternateBranch: nil,
             groupDepth: 0, context: SlotContext(), content: content)
    }

    @Test func theTextLeavesRoomForThePointer() throws {
        var fixture = ChartFixture()
        fixture.title = "Employment of workers with a Bachelor's degree or better, by region"
        fixture.categories = .text(["2019", "2020", "2021", "2022"])
        fixture.series = [("Northern region", [1, 2, 3, 4]), ("Southern region", [4, 3, 2, 1]), ("Eastern region", [2, 2, 2, 2])]
        let chart = try #require(try fixture.read())
        let plain = BuiltinDescriber(recognizer: nil).describeNow(DescriptionRequest(slot: slot(.chart(chart)))).text
        var request = DescriptionRequest(slot: slot(.chart(chart)))
        request.reserve = "Full data in the slide notes.".count + 1
        let reserved = BuiltinDescriber(recognizer: nil).describeNow(request).text
        #expect(plain.count > ChartDescription.lengthTarget - request.reserve, "the case must need the room: \(plain)")
        #expect(reserved.count <= ChartDescription.lengthTarget - request.reserve, "\(reserved)")
        #expect(BuiltinDescriber(recognizer: nil).contextKey(request) != BuiltinDescriber(recognizer: nil).contextKey(DescriptionRequest(slot: slot(.chart(chart)))))
    }

    @Test func aChartWithoutValuesHasNoLongDescription() {
        let empty = ChartData(types: ["column"], title: "Nothing yet", series: [ChartSeries(name: "A", values: [nil, nil])], categories: ["Q1", "Q2"])
        #expect(LongDescription(language: nil, deckLanguage: nil).lines(for: slot(.chart(empty))).isEmpty)
    }

    @Test func aHundredPercentStackedChartsAxisFormatIsNotTheValuesFormat() throws {
        var fixture = ChartFixture(plot: #"<c:barChart><c:barDir val="col"/><c:grouping val="percentStacked"/>"#)
        fixture.categories = .text(["Q1", "Q2"])
        fixture.series = [("A", [1200, 3200])]
        fixture.axes = #"<c:catAx><c:axId val="1"/></c:catAx><c:valAx><c:axId val="2"/><c:numFmt formatCode="0%" sourceLinked="0"/></c:valAx>"#
        let chart = try #require(try fixture.read())
        #expect(chart.valueFormat == nil || chart.valueFormat == "General", "\(chart.valueFormat ?? "")")
        #expect(!ChartDescription.describe(chart).contains("%"))
    }
}
