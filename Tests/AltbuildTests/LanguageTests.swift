import Testing
@testable import Describers
import DeckModel

/// Golden texts for issue 12, item 6: the builtin describer writes in the
/// deck's language, or in the neutral form for a language it has no
/// phrasebook for, never with English frames around a deck's own words.
@Suite struct LanguageTests {
    static let nbsp = "\u{00A0}"

    func describe(_ content: SlotContent, kind: SlotKind, language: String?, setting: String? = nil) -> String {
        var slot = DescriberTests.bareSlot(kind: kind)
        slot.content = content
        return BuiltinDescriber(recognizer: nil, language: setting).describeNow(DescriptionRequest(slot: slot, deckLanguage: language)).text
    }

    static let germanChart = ChartData(types: ["column"], title: "Umsatz",
                                       series: [ChartSeries(name: "Nord", values: [10.5, 20, 30, 40.25]),
                                                ChartSeries(name: "Süd", values: [15, 12, 9, 5])],
                                       categories: ["Q1", "Q2", "Q3", "Q4"], categoryKind: .text)

    /// Over 150 characters with the series names, so they go first, as in English.
    @Test func germanChart() {
        let text = describe(.chart(Self.germanChart), kind: .chart, language: "de-DE")
        #expect(text == "Säulendiagramm „Umsatz“ mit 2 Datenreihen von Q1 bis Q4. Die Werte reichen von 5 (Süd, Q4) bis 40,25 (Nord, Q4); Nord steigt von 10,5 auf 40,25.")
    }

    @Test func germanTables() {
        let header = TableData(rows: 4, columns: 3, header: ["Region", "Umsatz", "Kosten"], firstRowIsHeader: true)
        #expect(describe(.table(header), kind: .table, language: "de-AT") == "Tabelle mit 4 Zeilen und 3 Spalten; Spalten: Region, Umsatz und Kosten.")
        let bare = TableData(rows: 1, columns: 2, header: ["Äpfel", "Birnen"], firstRowIsHeader: false)
        #expect(describe(.table(bare), kind: .table, language: "de") == "Tabelle mit 1 Zeile und 2 Spalten, ohne Kopfzeile; erste Zeile: Äpfel und Birnen.")
        #expect(describe(.table(TableData(rows: 0, columns: 0, header: [], firstRowIsHeader: false)), kind: .table, language: "de") == "Leere Tabelle.")
    }

    @Test func frenchLists() {
        let process = DiagramData(category: "process", items: [DiagramItem("Planifier"), DiagramItem("Construire"), DiagramItem("Livrer")])
        #expect(describe(.diagram(process), kind: .diagram, language: "fr-FR") == "Diagramme de processus de 3 étapes\(Self.nbsp): Planifier, Construire et Livrer.")
        let table = TableData(rows: 4, columns: 3, header: ["Région", "Ventes", "Coûts"], firstRowIsHeader: true)
        #expect(describe(.table(table), kind: .table, language: "fr-CA") == "Tableau de 4 lignes et 3 colonnes ; colonnes\(Self.nbsp): Région, Ventes et Coûts.")
    }

    @Test func frenchAndSpanishNumbersAndQuotes() {
        let chart = ChartData(types: ["pie"], title: "Budget", series: [ChartSeries(name: "Budget", values: [1234.5, 500])],
                              categories: ["Personnel", "Matériel"], valueFormat: "#,##0.0")
        #expect(describe(.chart(chart), kind: .chart, language: "fr-FR")
            == "Graphique en secteurs «\(Self.nbsp)Budget\(Self.nbsp)» avec 2 secteurs. Le plus grand est Personnel avec 1\u{202F}234,5 (71,2%) et le plus petit Matériel avec 500,0 (28,8%).")
        #expect(SpanishPhrases().list(["Francia", "Italia"]) == "Francia e Italia")
        #expect(SpanishPhrases().list(["A", "B", "C"]) == "A, B y C")
        #expect(SpanishPhrases().quoted("Ventas") == "«Ventas»")
    }

    @Test func hebrewChartHasNoEnglishWords() {
        let chart = ChartData(types: ["column"], title: "מכירות", series: [ChartSeries(name: "מכירות", values: [172, 120, 90])],
                              categories: ["צפון", "דרום", "מרכז"], categoryKind: .text)
        let text = describe(.chart(chart), kind: .chart, language: "he-IL")
        #expect(text == "תרשים עמודות \"מכירות\" ב-3 קטגוריות. הערכים נעים בין 90 (מרכז) ל-172 (צפון).")
        #expect(!text.contains { $0.isASCII && $0.isLetter })
    }

    /// "and" is a prefix: joined to a Hebrew word, with a hyphen before a number or Latin text.
    @Test func hebrewAndIsAPrefix() {
        #expect(HebrewPhrases().list(["תפוחים", "אגסים", "בננות"]) == "תפוחים, אגסים ובננות")
        #expect(HebrewPhrases().list(["צפון", "Q4"]) == "צפון ו-Q4")
        let table = TableData(rows: 3, columns: 2, header: ["אזור", "2024"], firstRowIsHeader: true)
        #expect(describe(.table(table), kind: .table, language: "he") == "טבלה עם 3 שורות ו-2 עמודות; עמודות: אזור ו-2024.")
    }

    /// Japanese has no phrasebook: only the deck's words, numbers and punctuation.
    @Test func japaneseGetsTheNeutralForm() {
        let chart = ChartData(types: ["column"], title: "売上", series: [ChartSeries(name: "売上", values: [90, 172, 120])],
                              categories: ["東", "西", "南"], categoryKind: .text)
        let table = TableData(rows: 3, columns: 2, header: ["地域", "売上"], firstRowIsHeader: true)
        let diagram = DiagramData(category: "hierarchy", items: [DiagramItem("社長"), DiagramItem("部長", level: 1), DiagramItem("課長", level: 1)])
        let group = SlotContent.group([GroupMember(kind: .picture, name: "P", text: "ロゴ"), GroupMember(kind: nil, name: "T", text: "会社案内")])
        let texts = [
            describe(.chart(chart), kind: .chart, language: "ja-JP"),
            describe(.table(table), kind: .table, language: "ja-JP"),
            describe(.diagram(diagram), kind: .diagram, language: "ja-JP"),
            describe(group, kind: .group, language: "ja-JP"),
            LinkDescription.text(.slide(3), language: "ja-JP"),
            LinkDescription.text(.jump("nextslide"), language: "ja"),
        ]
        #expect(texts == ["売上: 90–172", "地域, 売上 (3 × 2)", "社長 (部長, 課長)", "ロゴ, 会社案内", "→ 3", "→"])
        for text in texts { #expect(!text.contains { $0.isASCII && $0.isLetter }, "\(text)") }
    }

    @Test func contextTextsFollowTheLanguage() {
        var slot = DescriberTests.bareSlot(kind: .picture)
        slot.context.caption = "Unser Team"
        let german = BuiltinDescriber(recognizer: nil).describeNow(DescriptionRequest(slot: slot, deckLanguage: "de-DE"))
        #expect(german.text == "Bild mit der Beschriftung „Unser Team“.")
        #expect(german.needsReview)
        #expect(german.reason == "only a caption is known; no vision model configured")
        slot.context.caption = "チーム"
        #expect(BuiltinDescriber(recognizer: nil).describeNow(DescriptionRequest(slot: slot, deckLanguage: "ja")).text == "チーム")
    }

    @Test func linksFollowTheLanguage() {
        #expect(LinkDescription.text(.slide(3)) == "Link: go to slide 3.")
        #expect(LinkDescription.text(.slide(3), language: "de-DE") == "Link: zu Folie 3 wechseln.")
        #expect(LinkDescription.text(.slide(3), language: "fr") == "Lien\(Self.nbsp): aller à la diapositive 3.")
        #expect(LinkDescription.text(.jump("weird"), language: "es") == "Enlace: ir a otra diapositiva.")
        #expect(LinkDescription.text(.url("https://www.example.org/a?b"), language: "he") == "קישור: example.org/a.")
    }
}
