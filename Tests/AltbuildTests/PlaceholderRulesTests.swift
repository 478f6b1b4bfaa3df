import Testing
import AltbuildSupport
@testable import DeckModel

/// One case per row of `PlaceholderRules.all` and `AutomaticCaptions.markers`:
/// texts the row must catch, and texts near it that must stay a person's.
@Suite struct PlaceholderRulesTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var rule: String
        var shapeName = "Picture 3"
        var caught: [String]
        var kept: [String]
        var testDescription: String { rule }
    }

    static let cases: [Case] = [
        Case(rule: "shape name", shapeName: "Team photo",
             caught: ["Team photo", "  Team photo "],
             kept: ["Team photo at the 2023 offsite"]),
        Case(rule: "file name",
             caught: ["image.png", "logo.PNG", "WD Diageo Talent Card pg 2.JPG", "MC900438451[1].jpg",
                      "Screen Shot 2019-03-04 at 10.22.33.png", "annual report.pdf"],
             kept: ["Logo of the team, see logo.png", "The logo of our team, as in logo.png", "Version 2.0", "Next slide."]),
        Case(rule: "path",
             caught: ["D:\\Henri\\Gifs Henri\\H gros ventre.gif", "D:\\Henri\\Gifs Henri\\H Love.gif",
                      "C:\\Documents and Settings\\jdoe\\Local Settings\\Temporary Internet Files\\Content.IE5\\MC900438451[1].jpg",
                      "C:/Users/me/Pictures", "\\\\server\\share\\chart", "/Users/x/y.png", "~/Pictures/holiday"],
             kept: ["Revenue per year / per region, 2023", "A: the first answer", "/ 2"]),
        Case(rule: "url",
             caught: ["https://example.org/images/42", "http://example.org", "www.example.org/logo",
                      "file:///C:/Documents and Settings/x.jpg"],
             kept: ["https links in the footer of the page", "www.example.org is where the survey lives"]),
        Case(rule: "wiki file",
             caught: ["File:Hua Yi Secondary School Chemistry Laboratory.JPG", "File:Something", "Datei:Berlin Mitte"],
             kept: ["File: the quarterly numbers", "Image: a red bicycle"]),
        Case(rule: "number",
             caught: ["12", "3.5", "-4", "1,000", "2023"],
             kept: ["The 2 of us", "12 apostles", "Q3"]),
        Case(rule: "default name",
             caught: ["Picture 7", "Content Placeholder 12", "image001", "IMG_1234", "DSC01234", "clip_image002", "Table"],
             kept: ["Picture of the team in 2023", "Timeline of the project", "Imagine"]),
    ]

    @Test(arguments: cases) func rule(_ row: Case) throws {
        let rule = try #require(PlaceholderRules.all.first { $0.name == row.rule }, "no rule named \(row.rule)")
        for text in row.caught {
            let trimmed = text.trimmingWhitespace()
            #expect(rule.matches(trimmed, row.shapeName), "\(row.rule) should catch \(text)")
            #expect(AltTextState.classify(descr: text, shapeName: row.shapeName, decorative: false) == .placeholder, "\(text)")
        }
        for text in row.kept {
            #expect(AltTextState.classify(descr: text, shapeName: row.shapeName, decorative: false) == .human, "\(text) is a person's")
        }
    }

    @Test func everyRuleHasACase() {
        #expect(Set(PlaceholderRules.all.map(\.name)) == Set(Self.cases.map(\.rule)))
    }

    @Test func multiLineTextIsNeverAPlaceholder() {
        #expect(PlaceholderRules.match("Our logo\nlogo.png", shapeName: "x") == nil)
        #expect(AltTextState.classify(descr: "12\n13", shapeName: "x", decorative: false) == .human)
    }
}

@Suite struct AutomaticCaptionsTests {
    /// One caption per marker, as Office wrote it (line breaks included).
    static let cases: [(marker: String, caption: String)] = [
        ("en", "A picture containing person\n\nDescription automatically generated"),
        ("en very high confidence", "A screenshot of a cell phone\r\n\r\nDescription generated with very high confidence"),
        ("en high confidence", "A picture containing cup Description generated with high confidence"),
        ("en medium confidence", "A close up of a logo Description generated with medium confidence"),
        ("en low confidence", "A drawing of a face Description generated with low confidence"),
        ("de", "Ein Bild, das Himmel, Gebäude enthält.\n\nBeschreibung automatisch generiert"),
        ("de generierte", "Ein Screenshot eines Computers, automatisch generierte Beschreibung"),
        ("de erstellte", "Grafische Benutzeroberfläche, Anwendung, automatisch erstellte Beschreibung"),
        ("de confidence", "Ein Diagramm eines Cloud-Servers Beschreibung wird automatisch mit\nmittlerer Zuverlässigkeit generiert"),
        ("fr", "Une image contenant texte, Police\n\nDescription générée automatiquement"),
        ("fr confidence", "Une image contenant objet Description générée avec un niveau de confiance élevé"),
        ("es", "Captura de pantalla de un error informático Descripción generada automáticamente"),
        ("it", "Immagine che contiene testo, schermata\nDESCRIZIONE GENERATA AUTOMATICAMENTE"),
        ("nl", "Afbeelding met tekst, diagram Automatisch gegenereerde\nbeschrijving"),
        ("pt", "Interface gráfica do usuário Descrição gerada automaticamente"),
    ]

    @Test(arguments: cases) func marker(_ row: (marker: String, caption: String)) {
        #expect(AutomaticCaptions.marker(in: row.caption)?.name == row.marker)
        #expect(AltTextState.classify(descr: row.caption, shapeName: "Picture 3", decorative: false) == .automatic)
    }

    @Test func everyMarkerHasACase() {
        #expect(Set(AutomaticCaptions.markers.map(\.name)) == Set(Self.cases.map(\.marker)))
    }

    /// ASCII text is searched byte by byte; other text by characters, so an
    /// accent typed as a combining mark still matches, and an English marker
    /// after a non-ASCII caption is still found.
    @Test func textsOutsideASCIIStillMatchByCharacter() {
        #expect(AutomaticCaptions.marker(in: "Une image\nDescription ge\u{301}ne\u{301}re\u{301}e automatiquement")?.name == "fr")
        #expect(AutomaticCaptions.marker(in: "Ein Gebäude Description automatically\tgenerated")?.name == "en")
        #expect(AutomaticCaptions.marker(in: "description automatically generate") == nil)
        #expect(AutomaticCaptions.marker(in: "") == nil)
    }

    @Test func theFirstLineAloneIsAPersonsText() {
        for text in ["A picture containing person", "Une image contenant texte", "A description we generated by hand, with confidence"] {
            #expect(AltTextState.classify(descr: text, shapeName: "Picture 3", decorative: false) == .human, "\(text)")
        }
    }
}
