import Testing
@testable import OOXML
@testable import Describers

/// Slide text as a listener hears it: line breaks are separators, not
/// nothing; whitespace is collapsed; quotes end at a word; no program ids.
@Suite struct TextHygieneTests {
    /// The document must outlive its elements, so each case parses and reads in one go.
    @Test(arguments: [
        ("<a:p><a:r><a:t>7 Jours</a:t></a:r><a:br/><a:r><a:t>7 Mois</a:t></a:r><a:br/><a:r><a:t>7 Ans</a:t></a:r></a:p>",
         "7 Jours\n7 Mois\n7 Ans"),
        ("<a:p><a:r><a:t>Charts</a:t></a:r></a:p><a:p><a:r><a:t>Are</a:t></a:r><a:r><a:t> great</a:t></a:r></a:p>",
         "Charts\nAre great"),
        ("<a:p><a:r><a:t>  Region\tNorth   South </a:t></a:r></a:p><a:p></a:p><a:p><a:br/></a:p>", "Region North South"),
        ("<a:p><a:fld type=\"slidenum\"><a:t>3</a:t></a:fld><a:r><a:t> of 9</a:t></a:r></a:p>", "3 of 9"),
    ])
    func linesAreSeparated(_ xml: String, _ expected: String) throws {
        let xml = #"<p:txBody xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">"#
            + xml + "</p:txBody>"
        let document = try XMLDocument(bytes: Array(xml.utf8), partName: "test.xml")
        let root = try #require(document.root)
        #expect(paragraphsText(root) == expected)
    }

    /// Through a whole deck: a title and a grouped text box with Shift+Enter breaks.
    @Test func aDeckWithLineBreaksReadsWithSpaces() throws {
        let br = "</a:t></a:r><a:br/><a:r><a:t>"
        let shapes = DeckFixture.textBox(id: 10, name: "Title", text: "Charts" + br + "Are fun", placeholder: "title")
            + DeckFixture.group(id: 20, name: "Group 1", children: DeckFixture.textBox(id: 21, name: "TextBox 1", text: "7 Jours" + br + "7 Mois" + br + "7 Ans")
                + DeckFixture.picture(id: 22, name: "Picture 1"))
        let bytes = try DeckFixture(slides: [.init(shapes: shapes, relationships: [("rIdImg", "image", "../media/image1.png")])],
                                    parts: [("ppt/media/image1.png", DeckFixture.png)]).bytes()
        let slots = try Deck(bytes: bytes, path: "breaks.pptx").inventory().slots
        let group = try #require(slots.first { $0.kind == .group })
        #expect(group.context.slideTitle == "Charts\nAre fun")
        let describer = BuiltinDescriber(recognizer: nil)
        #expect(describer.describeNow(DescriptionRequest(slot: group)).text == "Group: text “7 Jours 7 Mois 7 Ans” and 1 item without text.")
        let picture = try #require(slots.first { $0.shapeID == "22" })
        #expect(describer.describeNow(DescriptionRequest(slot: picture)).text == "Picture illustrating “Charts Are fun”.")
    }

    @Test func quotedLinesBecomeOneSpace() {
        var slot = DescriberTests.bareSlot(kind: .group)
        slot.content = .group([GroupMember(kind: nil, name: "TextBox 1", text: "7 Jours\n7 Mois\n7\tAns")])
        #expect(BuiltinDescriber(recognizer: nil).describeNow(DescriptionRequest(slot: slot)).text == "Group: text “7 Jours 7 Mois 7 Ans”.")
    }

    @Test(arguments: [
        ("one two three four", 9, "one two…"),
        ("Region, North, South", 15, "Region, North…"),
        ("Employment of workers with a Bachelor’s degree", 20, "Employment of…"),
        ("Supercalifragilistic", 15, "Supercalifragilistic"),
        ("https://example.org/a/very/long/path/that/goes/on", 10, "https://ex…"),
        ("  spaced \n out\t here ", 50, "spaced out here"),
    ])
    func clipEndsAtAWord(_ text: String, _ limit: Int, _ expected: String) {
        #expect(TextStyle.clip(text, limit) == expected)
    }

    @Test(arguments: [
        ("MSGraph.Chart.8", "chart"), ("Excel.Sheet.12", "Excel worksheet"), ("Excel.Chart.8", "Excel chart"),
        ("Word.Document.12", "Word document"), ("PowerPoint.Show.12", "PowerPoint presentation"),
        ("PowerPoint.Slide.12", "PowerPoint slide"), ("Visio.Drawing.15", "Visio drawing"), ("Equation.3", "equation"),
        ("Package", "file"), ("AcroExch.Document.DC", "PDF document"), ("Paint.Picture", "Paint picture"),
        ("PBrush", "Paint picture"), ("SoundRec", "object"),
    ])
    func programIDsBecomeWords(_ progID: String, _ name: String) {
        #expect(OLEObjectName.name(progID) == name)
        var slot = DescriberTests.bareSlot(kind: .oleObject)
        slot.content = .oleObject(progID: progID)
        let text = BuiltinDescriber(recognizer: nil).describeNow(DescriptionRequest(slot: slot)).text
        #expect(text == "Embedded \(name) on slide 1.")
        #expect(!text.contains(progID), "the program id leaked: \(text)")
    }

    @Test func noProgramIDIsAnObject() {
        #expect(OLEObjectName.name(nil) == "object")
    }
}
