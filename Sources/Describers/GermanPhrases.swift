import DeckModel

/// German: „…“ quotes, decimal comma and grouping dot (1.234,5). Counted
/// nouns are in the dative plural, since nearly every count follows "mit"
/// ("mit 4 Zeilen", "mit 3 Schritten").
struct GermanPhrases: Phrasebook {
    let code = "de"
    let openQuote = "„"
    let closeQuote = "“"
    let decimalMark = ","
    let groupMark = "."

    func lastJoin(_ item: String) -> String { " und " + item }
    func more(_ count: Int) -> String { " und \(count) weitere" }

    func count(_ count: Int, _ noun: Noun) -> String {
        let (one, many): (String, String) = switch noun {
        case .row: ("Zeile", "Zeilen")
        case .column: ("Spalte", "Spalten")
        case .series: ("Datenreihe", "Datenreihen")
        case .step: ("Schritt", "Schritten")
        case .item: ("Element", "Elementen")
        case .point: ("Punkt", "Punkten")
        case .slice: ("Segment", "Segmenten")
        case .member: ("Element", "Elementen")
        }
        return "\(count) " + (count == 1 ? one : many)
    }

    static let typeWords = [
        "column": "Säulen", "bar": "Balken", "line": "Linien", "pie": "Kreis", "doughnut": "Ring",
        "area": "Flächen", "radar": "Netz", "scatter": "Punkt", "bubble": "Blasen", "stock": "Kurs",
        "surface": "Oberflächen", "waterfall": "Wasserfall", "funnel": "Trichter", "histogram": "Histogramm",
    ]

    /// "Säulendiagramm", "Säulen- und Liniendiagramm".
    func chartType(_ types: [String]) -> String? {
        guard let (words, threeD) = ChartTypeWords.words(types, Self.typeWords), let last = words.last else { return nil }
        let head = words.dropLast().map { $0 + "-" }
        let phrase = head.isEmpty ? last + "diagramm" : list(head + [last + "diagramm"])
        return (threeD ? "3D-" : "") + phrase
    }

    let chart = "Diagramm"
    func of(_ subject: String) -> String { " zu " + subject }
    func by(_ category: String) -> String { " nach " + category }
    func comparing(_ series: Int) -> String { " mit " + count(series, .series) }
    func steps(_ count: Int, from: String, to: String) -> String { " mit \(self.count(count, .step)) von \(from) bis \(to)" }
    func range(from: String, to: String) -> String { " von \(from) bis \(to)" }
    func across(_ categories: Int) -> String { " über \(categories) \(categories == 1 ? "Kategorie" : "Kategorien")" }
    func values(low: String, high: String) -> String { "Die Werte reichen von \(low) bis \(high)" }

    func trend(_ who: String?, _ direction: Trend, overall: Bool, from: String, to: String) -> String {
        let who = who.map { $0 + " " } ?? ""
        switch direction {
        case .level: return "\(who)bleibt etwa gleich bei \(to)"
        case .rises: return "\(who)steigt\(overall ? " insgesamt" : "") von \(from) auf \(to)"
        case .falls: return "\(who)fällt\(overall ? " insgesamt" : "") von \(from) auf \(to)"
        }
    }

    let firstSeries = "die erste Datenreihe"
    func points(_ count: Int) -> String { " mit " + self.count(count, .point) }
    func axes(x: (String, String), y: (String, String)) -> String { ": x von \(x.0) bis \(x.1), y von \(y.0) bis \(y.1)" }
    func slices(_ count: Int) -> String { " mit " + self.count(count, .slice) }
    func largest(_ name: String, _ value: String) -> String { ". Das größte ist \(name) mit \(value)" }
    func smallest(_ name: String, _ value: String) -> String { " und das kleinste \(name) mit \(value)" }
    func title(_ quoted: String) -> String { " Titel: \(quoted)." }
    func point(_ number: Int) -> String { "Punkt \(number)" }

    let emptyTable = "Leere Tabelle."
    func table(rows: Int, columns: Int) -> String { "Tabelle mit \(count(rows, .row)) und \(count(columns, .column))" }
    let noHeaderRow = ", ohne Kopfzeile"
    let columnsLabel = "; Spalten: "
    let firstRowLabel = "; erste Zeile: "

    func diagram(_ kind: String?) -> String {
        switch kind {
        case "hierarchy": "Hierarchiediagramm"
        case "process": "Prozessdiagramm"
        case "cycle": "Zyklusdiagramm"
        case "list": "Listendiagramm"
        default: "Diagramm"
        }
    }

    func diagramSize(_ count: Int, steps: Bool, truncated: Bool) -> String {
        " mit " + (truncated ? "mehr als " : "") + self.count(count, steps ? .step : .item)
    }

    func levels(_ count: Int) -> String { " auf \(count) Ebenen" }
    let top = ", oben: "
    let underIt = "; darunter: "
    let listStart = ": "
    func moreItems(_ count: Int) -> String { " (\(count) \(count == 1 ? "weiteres Element" : "weitere Elemente"))" }

    func noun(_ kind: SlotKind?) -> String {
        switch kind {
        case .picture: "Bild"
        case .pictureFill: "Form mit Bildfüllung"
        case .video: "Video"
        case .audio: "Audioclip"
        case .chart, .chartex: "Diagramm"
        case .table: "Tabelle"
        case .diagram: "SmartArt-Grafik"
        case .oleObject: "Eingebettetes Objekt"
        case .model3D: "3D-Modell"
        case .group: "Gruppe"
        case .graphic: "Grafik"
        case nil: "Text"
        }
    }

    let group = "Gruppe"
    func withoutText(_ count: Int) -> String { " und \(count) \(count == 1 ? "Element" : "Elemente") ohne Text" }
    func withText(screenshot: Bool) -> String { (screenshot ? "Bildschirmfoto" : "Bild") + " mit dem Text: " }
    func captioned(_ noun: String, _ quoted: String) -> String { "\(noun) mit der Beschriftung \(quoted)" }
    func illustrating(_ quoted: String) -> String { " zu " + quoted }
    func onSlide(_ number: Int) -> String { " auf Folie \(number)" }

    func linkToSlide(_ number: Int) -> String { "Link: zu Folie \(number) wechseln." }
    func link(_ target: String) -> String { "Link: \(target)." }

    func jump(_ jump: String) -> String? {
        let words = ["other": "zu einer anderen Folie wechseln", "nextslide": "zur nächsten Folie wechseln", "previousslide": "zur vorherigen Folie wechseln",
                     "firstslide": "zur ersten Folie wechseln", "lastslide": "zur letzten Folie wechseln",
                     "lastslideviewed": "zur zuletzt angezeigten Folie wechseln", "endshow": "Präsentation beenden"]
        return words[jump]
    }

    func action(_ action: String) -> String? {
        let words = ["other": "eine Aktion", "program": "ein Programm ausführen", "macro": "ein Makro ausführen", "ole": "ein eingebettetes Objekt öffnen",
                     "media": "Medien abspielen", "hlinkpres": "eine andere Präsentation öffnen",
                     "customshow": "eine zielgruppenorientierte Präsentation starten"]
        return words[action]
    }
}
