import Testing
import Foundation
@testable import Describers
@testable import AltbuildCore
import DeckModel
@testable import OOXML

/// `--language` wins over the deck's own language, enters the builtin
/// describer's identity when set, and the deck's language enters the cache key.
@Suite struct LanguageSettingTests {
    func chartRequest(deck: String?) -> DescriptionRequest {
        var slot = DescriberTests.bareSlot(kind: .chart)
        slot.content = .chart(LanguageTests.germanChart)
        return DescriptionRequest(slot: slot, deckLanguage: deck)
    }

    @Test(arguments: ["de", "de-DE", "German", "Deutsch"])
    func settingOverridesAnEnglishDeck(_ setting: String) {
        let text = BuiltinDescriber(recognizer: nil, language: setting).describeNow(chartRequest(deck: "en-US")).text
        #expect(text.hasPrefix("Säulendiagramm „Umsatz“"))
    }

    @Test func englishStaysTheDefault() {
        let text = BuiltinDescriber(recognizer: nil).describeNow(chartRequest(deck: nil)).text
        #expect(text.hasPrefix("Column chart “Umsatz” comparing 2 series"))
        #expect(Wording.choose(setting: nil, deck: "en-GB").code == "en")
        #expect(Wording.choose(setting: "Japanese", deck: "de-DE").code == "")
        #expect(Wording.choose(setting: "  ", deck: "iw").code == "he")
    }

    @Test func languageEntersTheKeys() {
        #expect(BuiltinDescriber(recognizer: nil, language: "de").identity.settings == ["language": "de"])
        #expect(BuiltinDescriber.version == "6")
        let describer = BuiltinDescriber(recognizer: nil)
        let german = DescriptionCache.key(chartRequest(deck: "de-DE"), describer: describer)
        #expect(german == DescriptionCache.key(chartRequest(deck: "de-CH"), describer: describer))
        #expect(german != DescriptionCache.key(chartRequest(deck: "en-US"), describer: describer))
    }

    /// The real binary: `altbuild build --language de` on a deck with no language writes German.
    @Test func commandLineLanguageOverride() throws {
        let project = Fixtures.temporaryDirectory()
        let table = TableDiagramFixtures.table(firstRow: true, columns: 2, rows: [TableDiagramFixtures.row("Region", "Umsatz"), TableDiagramFixtures.row("Nord", "10")])
        try FileManager.default.write(TableDiagramFixtures.deck(tables: [table]).bytes(), to: "\(project)/talks/t.pptx")
        let result = try BinaryRunner.run(["build", "--language", "de"], in: project)
        #expect(result.status == 0, "\(result.stderr)")
        let slots = try Deck(path: "\(project)/build/talks/t.pptx").inventory().slots
        #expect(slots.first?.descr == "Tabelle mit 2 Zeilen und 2 Spalten; Spalten: Region und Umsatz.")
    }
}

/// A Japanese deck built by the real binary: its picture gets only the
/// deck's own words as context, or, with none, is left for a person.
@Suite struct JapaneseDeckTests {
    static let textBox = #"<p:sp><p:nvSpPr><p:cNvPr id="5" name="T"/><p:cNvSpPr/><p:nvPr/></p:nvSpPr><p:spPr/><p:txBody><a:bodyPr/><a:p><a:r><a:rPr lang="ja-JP"/><a:t>会社案内</a:t></a:r></a:p></p:txBody></p:sp>"#

    @Test func contextFallbackWritesNoEnglish() throws {
        let project = Fixtures.temporaryDirectory()
        let slides: [DeckFixture.Slide] = [
            .init(shapes: Self.textBox + DeckFixture.picture(id: 22, name: "Picture 1"), relationships: [("rIdImg", "image", "../media/image1.png")]),
        ]
        try FileManager.default.write(DeckFixture(slides: slides, parts: [("ppt/media/image1.png", DeckFixture.png)]).bytes(), to: "\(project)/d.pptx")
        let result = try BinaryRunner.run(["build", "--fallback", "context"], in: project)
        #expect(result.status == 0, "\(result.stderr)")
        let picture = try #require(try Deck(path: "\(project)/build/d.pptx").inventory().slots.first { $0.shapeID == "22" })
        #expect(picture.descr == nil)
    }
}
