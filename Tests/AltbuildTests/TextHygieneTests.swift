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
