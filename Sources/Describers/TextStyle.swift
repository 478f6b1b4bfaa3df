/// Small text helpers shared by describers: quoting, lists and numbers,
/// written without Foundation so describing stays cheap to start.
enum TextStyle {
    /// Collapses whitespace (line breaks and tabs become one space) and cuts
    /// at a word boundary so the text fits in `limit` characters, marking the
    /// cut with "…" (after any comma or colon the cut left dangling).
    ///
    /// A space, not "; ", joins lines: a line break on a slide is mostly
    /// layout (a title broken to fit, stacked labels), and a semicolon would
    /// split a sentence the author never split.
    ///
    /// A word is never cut, except a first word over twice the limit (a URL,
    /// a hash): keeping all of it would make the limit meaningless.
    static func clip(_ text: String, _ limit: Int) -> String {
        let words = text.split(whereSeparator: \.isWhitespace)
        var out = ""
        for word in words {
            if !out.isEmpty, out.count + word.count + 1 > limit {
                while let last = out.last, ",;:–—-".contains(last) { out.removeLast() }
                return out + "…"
            }
            if out.isEmpty, word.count > 2 * limit {
                return String(word.prefix(limit)) + "…"
            }
            out += out.isEmpty ? String(word) : " " + word
        }
        return out
    }

    static func quoted(_ text: String, limit: Int = 80) -> String {
        "“" + clip(text, limit) + "”"
    }

    /// 1234 → "1234", 12.5 → "12.5", 0.12345 → "0.12".
    static func number(_ value: Double) -> String {
        if value.isNaN || value.isInfinite { return "n/a" }
        if value == value.rounded() && abs(value) < 1e15 { return String(Int64(value)) }
        let magnitude = abs(value)
        let decimals: Double = magnitude >= 100 ? 1 : magnitude >= 1 ? 100 : 1000
        let rounded = (value * decimals).rounded() / decimals
        if rounded == rounded.rounded() && abs(rounded) < 1e15 { return String(Int64(rounded)) }
        return String(rounded)
    }

    /// Ends `text` with exactly one full stop, unless it already ends a
    /// sentence, possibly inside a closing quote ("…floor.”", "…Boden.“").
    static func sentence(_ text: String) -> String {
        var probe = Substring(text)
        // Closing quotes of every phrasebook: ” (en), “ (de), » (fr, es), " (he).
        if let last = probe.last, "”“»\"".contains(last) { probe = probe.dropLast() }
        while probe.last == "\u{00A0}" { probe = probe.dropLast() }
        if let last = probe.last, ".!?…".contains(last) { return text }
        return text + "."
    }

    static func capitalized(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst()
    }

    static func plural(_ count: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(count) " + (count == 1 ? singular : plural ?? singular + "s")
    }
}
