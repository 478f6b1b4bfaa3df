import DeckModel

/// French: « … » quotes with no-break spaces inside, a no-break space
/// before a colon, decimal comma and a narrow no-break space between
/// thousands (1 234,5), as the Imprimerie nationale's rules have it.
struct FrenchPhrases: Phrasebook {
    let code = "fr"
    let openQuote = "«\u{00A0}"
    let closeQuote = "\u{00A0}»"
    let decimalMark = ","
    let groupMark = "\u{202F}"
    /// A colon with its no-break space.
    static let colon = "\u{00A0}: "

    func lastJoin(_ item: String) -> String { " et " + item }
    func more(_ count: Int) -> String { " et \(count) \(count == 1 ? "autre" : "autres")" }

    func count(_ count: Int, _ noun: Noun) -> String {
        let (one, many): (String, String) = switch noun {
        case .row: ("ligne", "lignes")
        case .column: ("colonne", "colonnes")
        case .series: ("série", "séries")
        case .step: ("étape", "étapes")
        case .item: ("élément", "éléments")
        case .point: ("point", "points")
        case .slice: ("secteur", "secteurs")
        case .member: ("élément", "éléments")
        }
        return "\(count) " + (count <= 1 ? one : many)
    }

    static let typeWords = [
        "column": "en colonnes", "bar": "en barres", "line": "en courbes", "pie": "en secteurs", "doughnut": "en anneau",
        "area": "en aires", "radar": "en radar", "scatter": "en nuage de points", "bubble": "en bulles", "stock": "boursier",
        "surface": "en surface", "waterfall": "en cascade", "funnel": "en entonnoir",
    ]

    /// "graphique en colonnes", "graphique en colonnes et en courbes".
    func chartType(_ types: [String]) -> String? {
        guard let (words, threeD) = ChartTypeWords.words(types, Self.typeWords) else { return nil }
        return "graphique " + list(words) + (threeD ? " 3D" : "")
    }

    let chart = "graphique"
    func of(_ subject: String) -> String { " de " + subject }
    func by(_ category: String) -> String { " par " + category }
    func comparing(_ series: Int) -> String { " comparant " + count(series, .series) }
    func steps(_ count: Int, from: String, to: String) -> String { " en \(self.count(count, .step)) de \(from) à \(to)" }
    func range(from: String, to: String) -> String { " de \(from) à \(to)" }
    func across(_ categories: Int) -> String { " sur \(categories) \(categories <= 1 ? "catégorie" : "catégories")" }
    func values(low: String, high: String) -> String { "Les valeurs vont de \(low) à \(high)" }

    func trend(_ who: String?, _ direction: Trend, overall: Bool, from: String, to: String) -> String {
        let who = who.map { $0 + " " } ?? ""
        switch direction {
        case .level: return "\(who)reste à peu près stable à \(to)"
        case .rises: return "\(who)augmente\(overall ? " globalement" : "") de \(from) à \(to)"
        case .falls: return "\(who)diminue\(overall ? " globalement" : "") de \(from) à \(to)"
        }
    }

    let firstSeries = "la première série"
    func points(_ count: Int) -> String { " avec " + self.count(count, .point) }
    func axes(x: (String, String), y: (String, String)) -> String { Self.colon + "x de \(x.0) à \(x.1), y de \(y.0) à \(y.1)" }
    func slices(_ count: Int) -> String { " avec " + self.count(count, .slice) }
    func largest(_ name: String, _ value: String) -> String { ". Le plus grand est \(name) avec \(value)" }
    func smallest(_ name: String, _ value: String) -> String { " et le plus petit \(name) avec \(value)" }
    func title(_ quoted: String) -> String { " Titre" + Self.colon + quoted + "." }
    func point(_ number: Int) -> String { "point \(number)" }

    let emptyTable = "Tableau vide."
    func table(rows: Int, columns: Int) -> String { "Tableau de \(count(rows, .row)) et \(count(columns, .column))" }
    let noHeaderRow = ", sans ligne d’en-tête"
    let columnsLabel = " ; colonnes" + FrenchPhrases.colon
    let firstRowLabel = " ; première ligne" + FrenchPhrases.colon

    func diagram(_ kind: String?) -> String {
        switch kind {
        case "hierarchy": "Diagramme hiérarchique"
        case "process": "Diagramme de processus"
        case "cycle": "Diagramme de cycle"
        case "list": "Diagramme de liste"
        default: "Diagramme"
        }
    }

    func diagramSize(_ count: Int, steps: Bool, truncated: Bool) -> String {
        " de " + (truncated ? "plus de " : "") + self.count(count, steps ? .step : .item)
    }

    func levels(_ count: Int) -> String { " sur \(count) niveaux" }
    let top = ", en haut" + FrenchPhrases.colon
    let underIt = " ; en dessous" + FrenchPhrases.colon
    let listStart = FrenchPhrases.colon
    func moreItems(_ count: Int) -> String { " (\(count) \(count <= 1 ? "autre élément" : "autres éléments"))" }

    func noun(_ kind: SlotKind?) -> String {
        switch kind {
        case .picture: "image"
        case .pictureFill: "forme remplie d’une image"
        case .video: "vidéo"
        case .audio: "extrait audio"
        case .chart, .chartex: "graphique"
        case .table: "tableau"
        case .diagram: "diagramme"
        case .oleObject: "objet incorporé"
        case .model3D: "modèle 3D"
        case .group: "groupe"
        case .graphic: "graphisme"
        case nil: "texte"
        }
    }

    let group = "Groupe"
    func withoutText(_ count: Int) -> String { " et \(self.count(count, .item)) sans texte" }
    func withText(screenshot: Bool) -> String { (screenshot ? "Capture d’écran" : "Image") + " avec le texte" + Self.colon }
    func captioned(_ noun: String, _ quoted: String) -> String { "\(noun) avec la légende \(quoted)" }
    func illustrating(_ quoted: String) -> String { " illustrant " + quoted }
    func onSlide(_ number: Int) -> String { " sur la diapositive \(number)" }

    func linkToSlide(_ number: Int) -> String { "Lien" + Self.colon + "aller à la diapositive \(number)." }
    func link(_ target: String) -> String { "Lien" + Self.colon + target + "." }

    func jump(_ jump: String) -> String? {
        let words = ["other": "aller à une autre diapositive", "nextslide": "aller à la diapositive suivante", "previousslide": "aller à la diapositive précédente",
                     "firstslide": "aller à la première diapositive", "lastslide": "aller à la dernière diapositive",
                     "lastslideviewed": "aller à la dernière diapositive vue", "endshow": "terminer le diaporama"]
        return words[jump]
    }

    func action(_ action: String) -> String? {
        let words = ["other": "une action", "program": "lancer un programme", "macro": "exécuter une macro", "ole": "ouvrir un objet incorporé",
                     "media": "lire le média", "hlinkpres": "ouvrir une autre présentation",
                     "customshow": "lancer un diaporama personnalisé"]
        return words[action]
    }
}
