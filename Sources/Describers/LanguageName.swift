/// Language tags as names a model understands best in a prompt.
enum LanguageName {
    static let names: [String: String] = [
        "en": "English", "de": "German", "fr": "French", "es": "Spanish", "it": "Italian", "nl": "Dutch",
        "pt": "Portuguese", "sv": "Swedish", "da": "Danish", "nb": "Norwegian", "no": "Norwegian", "fi": "Finnish",
        "pl": "Polish", "cs": "Czech", "hu": "Hungarian", "ro": "Romanian", "el": "Greek", "tr": "Turkish",
        "ru": "Russian", "uk": "Ukrainian", "ja": "Japanese", "zh": "Chinese", "ko": "Korean", "ar": "Arabic",
        "he": "Hebrew", "hi": "Hindi",
    ]

    /// `de-DE` → `German`; an unknown tag is returned as it is.
    static func name(_ tag: String) -> String {
        let primary = tag.split(separator: "-").first.map { $0.lowercased() } ?? tag
        return names[primary] ?? tag
    }
}
