import DeckModel

/// Spanish: «…» quotes, decimal comma and grouping dot (1.234,5), and "y"
/// becoming "e" before an "i" sound ("Francia e Italia"), as the RAE asks.
struct SpanishPhrases: Phrasebook {
    let code = "es"
    let openQuote = "«"
    let closeQuote = "»"
    let decimalMark = ","
    let groupMark = "."

    func lastJoin(_ item: String) -> String {
        let lower = item.lowercased()
        let before = (lower.hasPrefix("i") || lower.hasPrefix("hi")) && !lower.hasPrefix("hie") ? " e " : " y "
        return before + item
    }

    func more(_ count: Int) -> String { " y \(count) más" }

    func count(_ count: Int, _ noun: Noun) -> String {
        let (one, many): (String, String) = switch noun {
        case .row: ("fila", "filas")
        case .column: ("columna", "columnas")
        case .series: ("serie", "series")
        case .step: ("paso", "pasos")
        case .item: ("elemento", "elementos")
        case .point: ("punto", "puntos")
        case .slice: ("sector", "sectores")
        case .member: ("elemento", "elementos")
        }
        return "\(count) " + (count == 1 ? one : many)
    }

    static let typeWords = [
        "column": "de columnas", "bar": "de barras", "line": "de líneas", "pie": "circular", "doughnut": "de anillos",
        "area": "de áreas", "radar": "radial", "scatter": "de dispersión", "bubble": "de burbujas", "stock": "de cotizaciones",
        "surface": "de superficie", "waterfall": "de cascada", "funnel": "de embudo",
    ]

    /// "gráfico de columnas", "gráfico de columnas y de líneas".
    func chartType(_ types: [String]) -> String? {
        guard let (words, threeD) = ChartTypeWords.words(types, Self.typeWords) else { return nil }
        return "gráfico " + list(words) + (threeD ? " 3D" : "")
    }

    let chart = "gráfico"
    func of(_ subject: String) -> String { " de " + subject }
    func by(_ category: String) -> String { " por " + category }
    func comparing(_ series: Int) -> String { " que compara " + count(series, .series) }
    func steps(_ count: Int, from: String, to: String) -> String { " con \(self.count(count, .step)) de \(from) a \(to)" }
    func range(from: String, to: String) -> String { " de \(from) a \(to)" }
    func across(_ categories: Int) -> String { " en \(categories) \(categories == 1 ? "categoría" : "categorías")" }
    func values(low: String, high: String) -> String { "Los valores van de \(low) a \(high)" }

    func trend(_ who: String?, _ direction: Trend, overall: Bool, from: String, to: String) -> String {
        let who = who.map { $0 + " " } ?? ""
        switch direction {
        case .level: return "\(who)se mantiene casi estable en \(to)"
        case .rises: return "\(who)sube\(overall ? " en conjunto" : "") de \(from) a \(to)"
        case .falls: return "\(who)baja\(overall ? " en conjunto" : "") de \(from) a \(to)"
        }
    }

    let firstSeries = "la primera serie"
    func points(_ count: Int) -> String { " con " + self.count(count, .point) }
    func axes(x: (String, String), y: (String, String)) -> String { ": x de \(x.0) a \(x.1), y de \(y.0) a \(y.1)" }
    func slices(_ count: Int) -> String { " con " + self.count(count, .slice) }
    func largest(_ name: String, _ value: String) -> String { ". El mayor es \(name) con \(value)" }
    func smallest(_ name: String, _ value: String) -> String { " y el menor \(name) con \(value)" }
    func title(_ quoted: String) -> String { " Título: \(quoted)." }
    func point(_ number: Int) -> String { "punto \(number)" }

    let emptyTable = "Tabla vacía."
    func table(rows: Int, columns: Int) -> String { "Tabla con \(count(rows, .row)) y \(count(columns, .column))" }
    let noHeaderRow = ", sin fila de encabezado"
    let columnsLabel = "; columnas: "
    let firstRowLabel = "; primera fila: "

    func diagram(_ kind: String?) -> String {
        switch kind {
        case "hierarchy": "Diagrama jerárquico"
        case "process": "Diagrama de proceso"
        case "cycle": "Diagrama de ciclo"
        case "list": "Diagrama de lista"
        default: "Diagrama"
        }
    }

    func diagramSize(_ count: Int, steps: Bool, truncated: Bool) -> String {
        " con " + (truncated ? "más de " : "") + self.count(count, steps ? .step : .item)
    }

    func levels(_ count: Int) -> String { " en \(count) niveles" }
    let top = ", arriba: "
    let underIt = "; debajo: "
    let listStart = ": "
    func moreItems(_ count: Int) -> String { " (\(count) \(count == 1 ? "elemento" : "elementos") más)" }

    func noun(_ kind: SlotKind?) -> String {
        switch kind {
        case .picture: "imagen"
        case .pictureFill: "forma rellena con una imagen"
        case .video: "vídeo"
        case .audio: "clip de audio"
        case .chart, .chartex: "gráfico"
        case .table: "tabla"
        case .diagram: "diagrama"
        case .oleObject: "objeto incrustado"
        case .model3D: "modelo 3D"
        case .group: "grupo"
        case .graphic: "gráfico"
        case nil: "texto"
        }
    }

    let group = "Grupo"
    func withoutText(_ count: Int) -> String { " y \(self.count(count, .item)) sin texto" }
    func withText(screenshot: Bool) -> String { (screenshot ? "Captura de pantalla" : "Imagen") + " con el texto: " }
    func captioned(_ noun: String, _ quoted: String) -> String { "\(noun) con el pie \(quoted)" }
    func illustrating(_ quoted: String) -> String { " que ilustra " + quoted }
    func onSlide(_ number: Int) -> String { " en la diapositiva \(number)" }

    func linkToSlide(_ number: Int) -> String { "Enlace: ir a la diapositiva \(number)." }
    func link(_ target: String) -> String { "Enlace: \(target)." }

    func jump(_ jump: String) -> String? {
        let words = ["other": "ir a otra diapositiva", "nextslide": "ir a la diapositiva siguiente", "previousslide": "ir a la diapositiva anterior",
                     "firstslide": "ir a la primera diapositiva", "lastslide": "ir a la última diapositiva",
                     "lastslideviewed": "ir a la última diapositiva vista", "endshow": "terminar la presentación"]
        return words[jump]
    }

    func action(_ action: String) -> String? {
        let words = ["other": "una acción", "program": "ejecutar un programa", "macro": "ejecutar una macro", "ole": "abrir un objeto incrustado",
                     "media": "reproducir multimedia", "hlinkpres": "abrir otra presentación",
                     "customshow": "iniciar una presentación personalizada"]
        return words[action]
    }
}
