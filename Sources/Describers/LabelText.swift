/// A table header or SmartArt item made fit for a sentence: whitespace
/// collapsed, and cut only between words, with "…". `TextStyle.clip` cuts a
/// first word that is longer than the limit in the middle; a label's first
/// word is kept whole instead (up to `hardLimit`, past which no listener is
/// served by the rest), since half a word is the error issue 12 measures.
enum LabelText {
    static let hardLimit = 60

    static func clip(_ text: String, _ limit: Int) -> String {
        let words = text.split(whereSeparator: \.isWhitespace)
        var out = ""
        for word in words {
            if out.isEmpty {
                guard word.count <= hardLimit else { return String(word.prefix(hardLimit)) + "…" }
                out = String(word)
            } else if out.count + word.count + 1 > limit {
                return out + "…"
            } else {
                out += " " + word
            }
        }
        return out
    }
}
