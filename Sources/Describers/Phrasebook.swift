import DeckModel

/// Every phrase the builtin describer wraps around a deck's own words, for
/// one language. A deck in German read out with English frames makes a
/// screen reader switch voice mid-sentence, so each language that has a
/// table gets all of its sentences from it; a language without one gets the
/// neutral form (`NeutralForm`), never English. Being a protocol, a new
/// language does not compile until it says every phrase.
///
/// Phrases that continue a sentence start with their own space or
/// punctuation (" from Q1 to Q4"), since French puts a space before a colon.
protocol Phrasebook: Sendable {
    /// The primary language subtag, `de`.
    var code: String { get }
    var openQuote: String { get }
    var closeQuote: String { get }
    var decimalMark: String { get }
    var groupMark: String { get }
    /// The word before a list's last item, with its spaces (" and ").
    func lastJoin(_ item: String) -> String
    /// After a cut list: " and 4 more".
    func more(_ count: Int) -> String
    /// A count and its noun, singular or plural ("1 row", "4 rows").
    func count(_ count: Int, _ noun: Noun) -> String

    // Charts
    /// "column chart", "column and line chart"; `nil` for a type it cannot name.
    func chartType(_ types: [String]) -> String?
    var chart: String { get }
    /// " of Revenue", " by Region".
    func of(_ subject: String) -> String
    func by(_ category: String) -> String
    func comparing(_ series: Int) -> String
    func steps(_ count: Int, from: String, to: String) -> String
    func range(from: String, to: String) -> String
    func across(_ categories: Int) -> String
    func values(low: String, high: String) -> String
    func trend(_ who: String?, _ direction: Trend, overall: Bool, from: String, to: String) -> String
    var firstSeries: String { get }
    func points(_ count: Int) -> String
    func axes(x: (String, String), y: (String, String)) -> String
    func slices(_ count: Int) -> String
    func largest(_ name: String, _ value: String) -> String
    func smallest(_ name: String, _ value: String) -> String
    func title(_ quoted: String) -> String
    func point(_ number: Int) -> String

    // Tables
    var emptyTable: String { get }
    func table(rows: Int, columns: Int) -> String
    var noHeaderRow: String { get }
    var columnsLabel: String { get }
    var firstRowLabel: String { get }

    // SmartArt
    /// "Process diagram"; `kind` is the lowercased category or nil.
    func diagram(_ kind: String?) -> String
    func diagramSize(_ count: Int, steps: Bool, truncated: Bool) -> String
    func levels(_ count: Int) -> String
    var top: String { get }
    var underIt: String { get }
    var listStart: String { get }
    func moreItems(_ count: Int) -> String

    // Groups, pictures and the rest
    func noun(_ kind: SlotKind?) -> String
    var group: String { get }
    func withoutText(_ count: Int) -> String
    func withText(screenshot: Bool) -> String
    func captioned(_ noun: String, _ quoted: String) -> String
    func illustrating(_ quoted: String) -> String
    func onSlide(_ number: Int) -> String

    // Links
    func linkToSlide(_ number: Int) -> String
    func link(_ target: String) -> String
    /// "go to the next slide" for `nextslide`, "go to another slide" for
    /// `other`; nil for a jump it does not know. Actions likewise.
    func jump(_ jump: String) -> String?
    func action(_ action: String) -> String?
}

/// The nouns that are counted.
enum Noun {
    case row, column, series, step, item, point, slice, member
}

/// Which way a series goes along an ordered axis.
enum Trend {
    case level, rises, falls
}

extension Phrasebook {
    /// The deck's words in this language's quotation marks, clipped.
    func quoted(_ text: String, limit: Int = 80) -> String {
        openQuote + TextStyle.clip(text, limit) + closeQuote
    }

    /// "A", "A and B", "A, B and C", "A, B, C and 4 more".
    func list(_ items: [String], max: Int = 6) -> String {
        if items.count > max {
            return items.prefix(max).joined(separator: ", ") + more(items.count - max)
        }
        guard let last = items.last else { return "" }
        return items.count == 1 ? last : items.dropLast().joined(separator: ", ") + lastJoin(last)
    }

    /// A plain number with this language's decimal mark.
    func number(_ value: Double) -> String {
        NumberFormat(nil).string(value, decimalMark: decimalMark, groupMark: groupMark)
    }

    /// `value` as `format` writes it, with this language's marks.
    func number(_ value: Double, _ format: NumberFormat) -> String {
        format.string(value, decimalMark: decimalMark, groupMark: groupMark)
    }
}
