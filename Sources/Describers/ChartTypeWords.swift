/// Chart type names for phrasebooks other than English: each language maps
/// the reader's type names (`column`, `pie`, `waterfall`) to its own word,
/// and a type it has no word for makes the whole phrase fall back to the
/// language's plain word for "chart", so no English type name is ever read
/// inside another language's sentence.
enum ChartTypeWords {
    /// The types' words in order, and whether any was 3-D (`column 3-D`);
    /// nil when a type has no word in `words`.
    static func words(_ types: [String], _ words: [String: String]) -> (words: [String], threeD: Bool)? {
        var threeD = false
        var out: [String] = []
        for type in types {
            var base = Substring(type)
            if base.hasSuffix(" 3-D") {
                base = base.dropLast(4)
                threeD = true
            }
            guard let word = words[String(base)] else { return nil }
            if !out.contains(word) { out.append(word) }
        }
        return out.isEmpty ? nil : (out, threeD)
    }
}
