public import DeckModel
import AltbuildSupport

/// The second part of W3C's two-part description of a complex image: the
/// whole of a chart's data or a diagram's tree, for the slide's notes, when
/// the ALT text has room only for the gist. Made from the slot's data alone,
/// never by a model, so every describer's charts get the same exact lines.
public struct LongDescription: Sendable {
    let wording: Wording
    let phrases: NotesPhrases
    /// The language tag the block's runs are marked with.
    public let languageTag: String?

    /// In `--language` when given, else in the deck's language, as the builtin describer writes.
    public init(language setting: String?, deckLanguage: String?) {
        wording = Wording.choose(setting: setting, deck: deckLanguage)
        phrases = NotesPhrases.byLanguage[wording.code] ?? .neutral
        let deckCode = deckLanguage.flatMap(LanguageTag.code)
        languageTag = deckCode == wording.code || wording.code.isEmpty ? deckLanguage : wording.code
    }

    /// Hebrew, Arabic, Persian, Urdu and Yiddish are written right to left.
    public var isRightToLeft: Bool {
        ["he", "ar", "fa", "ur", "yi"].contains(languageTag.flatMap(LanguageTag.code) ?? "")
    }

    /// The slot's lines; empty for a slot whose ALT text says it all.
    public func lines(for slot: Slot) -> [String] {
        let lines: [String]
        switch slot.content {
        case .chart(let chart) where chart.series.contains(where: { $0.values.contains { $0 != nil } }):
            lines = ChartDescription.fullData(chart, wording: wording, phrases: phrases)
        case .diagram(let diagram) where diagram.items.count > 1:
            let heading = if case .phrases(let book) = wording { [book.diagram(diagram.category?.lowercased())] } else { [String]() }
            lines = heading + DiagramDescription.fullText(diagram)
        default: lines = []
        }
        return lines.map(Self.oneLine)
    }

    /// The whole block for a slide: markers around the slots' lines; empty when there are none.
    public func block(_ lines: [String]) -> [String] {
        lines.isEmpty ? [] : [NotesBlock.marker(phrases.heading)] + lines + [NotesBlock.marker(phrases.end)]
    }

    /// The sentence an ALT text ends with when its full data is in the notes; nil in the neutral form.
    public var pointer: String? { phrases.pointer.isEmpty ? nil : phrases.pointer }

    /// A line as one paragraph holds it: line breaks and tabs as spaces, the
    /// indent of a diagram's levels kept, nothing XML cannot carry.
    static func oneLine(_ text: String) -> String {
        let indent = text.prefix { $0 == " " }
        return xmlSafeText(String(indent) + String(text.dropFirst(indent.count)).collapsingWhitespace())
    }
}
