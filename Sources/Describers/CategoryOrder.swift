import DeckModel

/// Whether a chart's categories have an order of their own, the condition
/// for any trend word. A date axis and numeric categories do; text labels do
/// only when every one reads as time (2005, Q3, March, FY24, 2024-01-05) and
/// their years, where all have one, never go back. Countries sorted by value
/// have no order: "falls from 59 to 11" over them only restates the sort.
enum CategoryOrder {
    static func isOrdered(_ chart: ChartData) -> Bool {
        let labels = chart.categories
        guard labels.count >= 2 else { return false }
        switch chart.categoryKind {
        case .date:
            return nonDecreasing(labels.map(year))
        case .number:
            return nonDecreasing(labels.map { Double($0) })
        case .text, nil:
            return labels.allSatisfy(looksLikeTime) && nonDecreasing(labels.map(year))
        }
    }

    /// True when `keys` are all present and never decrease; also true when
    /// some are missing, since then there is nothing to check them against.
    private static func nonDecreasing<T: Comparable>(_ keys: [T?]) -> Bool {
        let present = keys.compactMap { $0 }
        guard present.count == keys.count else { return true }
        return zip(present, present.dropFirst()).allSatisfy { $0 <= $1 }
    }

    /// "Q3 2024", "März", "FY24", "2024-01-05", "1/5/2024", "2019/20".
    static func looksLikeTime(_ label: String) -> Bool {
        var strong = false
        for token in tokens(label) {
            switch kind(token) {
            case .strong: strong = true
            case .weak: continue
            case .none: return false
            }
        }
        return strong
    }

    /// The first four-digit year in a label, for the order check.
    private static func year(_ label: String) -> Int? {
        tokens(label).lazy.compactMap { $0.count == 4 ? Int($0) : nil }.first { (1500...2199).contains($0) }
    }

    private static func tokens(_ label: String) -> [String] {
        label.lowercased().split { $0.isWhitespace || "-/.,'’_–".contains($0) }.map(String.init)
    }

    private enum TokenKind { case strong, weak, none }

    private static func kind(_ token: String) -> TokenKind {
        if token.allSatisfy(\.isASCII), let number = Int(token), !token.hasPrefix("+") {
            if token.count == 4 { return (1500...2199).contains(number) ? .strong : .none }
            return token.count <= 2 ? .weak : .none
        }
        if months.contains(token) || periodWords.contains(token) { return .strong }
        // Q1–Q4, 1Q–4Q, H1, H2, FY24, FY2024, Q1'24 was split at the apostrophe.
        let letters = token.filter(\.isLetter)
        let digits = token.filter(\.isNumber)
        guard letters.count + digits.count == token.count, !digits.isEmpty, digits.allSatisfy(\.isASCII) else { return .none }
        switch letters {
        case "q", "qtr": return ["1", "2", "3", "4"].contains(digits) ? .strong : .none
        case "h": return ["1", "2"].contains(digits) ? .strong : .none
        case "fy", "cy": return digits.count == 2 || digits.count == 4 ? .strong : .none
        default: return .none
        }
    }

    private static let periodWords: Set<String> = ["q", "qtr", "quarter", "quartal", "trimestre", "fy", "h"]

    /// Month names and abbreviations in English, German, French, Spanish,
    /// Italian, Dutch and Portuguese.
    static let months: Set<String> = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "januar", "februar", "märz", "mai", "juni", "juli", "oktober", "dezember", "mär", "mrz", "okt", "dez", "jänner",
        "janvier", "février", "mars", "avril", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre",
        "janv", "févr", "fév", "avr", "juil", "déc",
        "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "setiembre", "octubre", "noviembre", "diciembre",
        "ene", "abr", "ago", "dic",
        "gennaio", "febbraio", "aprile", "maggio", "giugno", "luglio", "settembre", "ottobre", "dicembre", "gen", "mag", "giu", "lug", "set", "ott",
        "januari", "februari", "maart", "mei", "augustus", "mrt",
        "janeiro", "fevereiro", "março", "maio", "junho", "julho", "setembro", "outubro", "novembro", "dezembro", "fev", "out",
    ]
}
