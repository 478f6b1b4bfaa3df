/// Hebrew writes the one-letter words "and", "from", "to" and "in" (ו, מ,
/// ל, ב) as prefixes: joined straight to a Hebrew word (ותפוחים), and with a
/// maqaf-style hyphen before a number or a word in another script (ו-2024,
/// ל-Q4), as Hebrew style guides and the press write them.
enum HebrewPrefix {
    static func join(_ prefix: String, _ word: String) -> String {
        prefix + (word.unicodeScalars.first.map(isHebrewLetter) == true ? "" : "-") + word
    }

    static func isHebrewLetter(_ scalar: Unicode.Scalar) -> Bool {
        (0x05D0...0x05EA).contains(scalar.value)
    }
}
