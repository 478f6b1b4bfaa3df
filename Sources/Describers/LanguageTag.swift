import AltbuildSupport

/// The primary language subtag of a `--language` value or a run's `lang`:
/// `de-DE` → `de`, `German` or `Deutsch` → `de`. `--language` takes a name
/// for the vision describer's prompt, so the builtin describer must read
/// the same value; the names are `LanguageName`'s plus each phrasebook
/// language's own name.
enum LanguageTag {
    static let nativeNames = ["deutsch": "de", "français": "fr", "francais": "fr", "español": "es", "espanol": "es",
                              "עברית": "he", "ivrit": "he", "english": "en", "日本語": "ja"]

    /// Nil for an empty value.
    static func code(_ value: String) -> String? {
        let trimmed = value.trimmingWhitespace().lowercased()
        guard !trimmed.isEmpty else { return nil }
        if let native = nativeNames[trimmed] { return native }
        if let named = LanguageName.names.first(where: { $0.value.lowercased() == trimmed }) {
            return named.key == "no" ? "nb" : named.key
        }
        let primary = trimmed.split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map(String.init) ?? trimmed
        return primary == "iw" ? "he" : primary
    }
}
