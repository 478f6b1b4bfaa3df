/// How the builtin describer words a text: with a language's phrasebook, or,
/// for a language it has none for, in the neutral form (`NeutralForm`): the
/// deck's own words, numbers and punctuation only. English is the default
/// when nothing says otherwise, as it was before texts were localised.
enum Wording: Sendable {
    case phrases(any Phrasebook)
    case neutral

    static let english = Wording.phrases(EnglishPhrases())
    static let books: [any Phrasebook] = [EnglishPhrases(), GermanPhrases(), FrenchPhrases(), SpanishPhrases(), HebrewPhrases()]

    /// `--language` when given (a tag such as `de-DE` or a name such as
    /// `German` or `Deutsch`), else the deck's language, else English.
    /// Only the primary subtag counts: `de-AT` and `de-CH` read German.
    static func choose(setting: String?, deck: String?) -> Wording {
        if let setting = setting.flatMap(LanguageTag.code) { return wording(setting) }
        if let deck = deck.flatMap(LanguageTag.code) { return wording(deck) }
        return english
    }

    static func wording(_ code: String) -> Wording {
        books.first { $0.code == code }.map(Wording.phrases) ?? .neutral
    }

    /// The primary subtag the text is in; "" for the neutral form.
    var code: String {
        switch self {
        case .phrases(let book): book.code
        case .neutral: ""
        }
    }
}
