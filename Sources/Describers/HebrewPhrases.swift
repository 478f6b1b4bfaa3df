import DeckModel

/// Hebrew, written right to left: straight double quotes (what Hebrew
/// keyboards type), decimal point as in English, and the one-letter words
/// "and", "from" and "to" joined to the next word (`HebrewPrefix`): "A, B
/// וג", "A, B ו-C". Every word is Hebrew; Latin letters appear only in the
/// deck's own text and in the scatter axes' x and y.
struct HebrewPhrases: Phrasebook {
    let code = "he"
    let openQuote = "\""
    let closeQuote = "\""
    let decimalMark = "."
    let groupMark = ","

    /// No comma before "and", as in English.
    func lastJoin(_ item: String) -> String { " " + HebrewPrefix.join("ו", item) }
    func more(_ count: Int) -> String { " ועוד \(count)" }

    func count(_ count: Int, _ noun: Noun) -> String {
        let (one, many): (String, String) = switch noun {
        case .row: ("שורה", "שורות")
        case .column: ("עמודה", "עמודות")
        case .series: ("סדרה", "סדרות")
        case .step: ("שלב", "שלבים")
        case .item: ("פריט", "פריטים")
        case .point: ("נקודה", "נקודות")
        case .slice: ("פרוסה", "פרוסות")
        case .member: ("פריט", "פריטים")
        }
        return "\(count) " + (count == 1 ? one : many)
    }

    static let typeWords = [
        "column": "עמודות", "bar": "פסים", "line": "קו", "pie": "עוגה", "doughnut": "טבעת", "area": "שטח",
        "radar": "רדאר", "scatter": "פיזור", "bubble": "בועות", "stock": "מניות", "surface": "משטח",
        "waterfall": "מפל", "funnel": "משפך",
    ]

    /// "תרשים עמודות", "תרשים עמודות וקו".
    func chartType(_ types: [String]) -> String? {
        guard let (words, threeD) = ChartTypeWords.words(types, Self.typeWords) else { return nil }
        return "תרשים " + list(words) + (threeD ? " תלת-ממדי" : "")
    }

    let chart = "תרשים"
    func of(_ subject: String) -> String { " של " + subject }
    func by(_ category: String) -> String { " לפי " + category }
    func comparing(_ series: Int) -> String { " המשווה " + count(series, .series) }
    func steps(_ count: Int, from: String, to: String) -> String { " עם \(self.count(count, .step))" + range(from: from, to: to) }
    func range(from: String, to: String) -> String { " " + HebrewPrefix.join("מ", from) + " עד " + to }
    func across(_ categories: Int) -> String { " ב-\(categories) \(categories == 1 ? "קטגוריה" : "קטגוריות")" }
    func values(low: String, high: String) -> String { "הערכים נעים בין \(low) " + HebrewPrefix.join("ל", high) }

    func trend(_ who: String?, _ direction: Trend, overall: Bool, from: String, to: String) -> String {
        let who = who.map { $0 + " " } ?? ""
        let span = HebrewPrefix.join("מ", from) + " " + HebrewPrefix.join("ל", to)
        switch direction {
        case .level: return "\(who)נשאר כמעט ללא שינוי, " + HebrewPrefix.join("ב", to)
        case .rises: return "\(who)עולה\(overall ? " בסך הכול" : "") " + span
        case .falls: return "\(who)יורד\(overall ? " בסך הכול" : "") " + span
        }
    }

    let firstSeries = "הסדרה הראשונה"
    func points(_ count: Int) -> String { " עם " + self.count(count, .point) }
    func axes(x: (String, String), y: (String, String)) -> String {
        ": x" + range(from: x.0, to: x.1) + ", y" + range(from: y.0, to: y.1)
    }
    func slices(_ count: Int) -> String { " עם " + self.count(count, .slice) }
    func largest(_ name: String, _ value: String) -> String { ". הגדולה ביותר: \(name), \(value)" }
    func smallest(_ name: String, _ value: String) -> String { "; הקטנה ביותר: \(name), \(value)" }
    func title(_ quoted: String) -> String { " כותרת: \(quoted)." }
    func point(_ number: Int) -> String { "נקודה \(number)" }

    let emptyTable = "טבלה ריקה."
    func table(rows: Int, columns: Int) -> String { "טבלה עם \(count(rows, .row)) " + HebrewPrefix.join("ו", count(columns, .column)) }
    let noHeaderRow = ", ללא שורת כותרת"
    let columnsLabel = "; עמודות: "
    let firstRowLabel = "; שורה ראשונה: "

    func diagram(_ kind: String?) -> String {
        switch kind {
        case "hierarchy": "תרשים היררכי"
        case "process": "תרשים תהליך"
        case "cycle": "תרשים מחזורי"
        case "list": "תרשים רשימה"
        default: "תרשים"
        }
    }

    func diagramSize(_ count: Int, steps: Bool, truncated: Bool) -> String {
        " עם " + (truncated ? "יותר מ-" : "") + self.count(count, steps ? .step : .item)
    }

    func levels(_ count: Int) -> String { " ב-\(count) רמות" }
    let top = ", בראש: "
    let underIt = "; מתחת: "
    let listStart = ": "
    func moreItems(_ count: Int) -> String { " (ועוד \(count == 1 ? "פריט אחד" : "\(count) פריטים"))" }

    func noun(_ kind: SlotKind?) -> String {
        switch kind {
        case .picture: "תמונה"
        case .pictureFill: "צורה במילוי תמונה"
        case .video: "סרטון"
        case .audio: "קטע שמע"
        case .chart, .chartex: "תרשים"
        case .table: "טבלה"
        case .diagram: "דיאגרמה"
        case .oleObject: "אובייקט מוטבע"
        case .model3D: "מודל תלת-ממדי"
        case .group: "קבוצה"
        case .graphic: "גרפיקה"
        case nil: "טקסט"
        }
    }

    let group = "קבוצה"
    func withoutText(_ count: Int) -> String { " ועוד \(self.count(count, .item)) ללא טקסט" }
    func withText(screenshot: Bool) -> String { (screenshot ? "צילום מסך" : "תמונה") + " עם הטקסט: " }
    func captioned(_ noun: String, _ quoted: String) -> String { "\(noun) עם הכיתוב \(quoted)" }
    func illustrating(_ quoted: String) -> String { " בשקופית " + quoted }
    func onSlide(_ number: Int) -> String { " בשקופית \(number)" }

    func linkToSlide(_ number: Int) -> String { "קישור: מעבר לשקופית \(number)." }
    func link(_ target: String) -> String { "קישור: \(target)." }

    func jump(_ jump: String) -> String? {
        let words = ["other": "מעבר לשקופית אחרת", "nextslide": "מעבר לשקופית הבאה", "previousslide": "מעבר לשקופית הקודמת",
                     "firstslide": "מעבר לשקופית הראשונה", "lastslide": "מעבר לשקופית האחרונה",
                     "lastslideviewed": "מעבר לשקופית האחרונה שהוצגה", "endshow": "סיום המצגת"]
        return words[jump]
    }

    func action(_ action: String) -> String? {
        let words = ["other": "פעולה", "program": "הפעלת תוכנית", "macro": "הפעלת מאקרו", "ole": "פתיחת אובייקט מוטבע",
                     "media": "הפעלת מדיה", "hlinkpres": "פתיחת מצגת אחרת", "customshow": "הפעלת הצגה מותאמת אישית"]
        return words[action]
    }
}
