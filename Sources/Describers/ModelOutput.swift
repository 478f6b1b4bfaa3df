import DeckModel

/// Turns a model's answer into ALT text, or rejects it. Models pad answers
/// with "Image of", markdown and quotes, and sometimes answer with a refusal
/// or an error; none of that may end up in a deck.
public enum ModelOutput {
    public enum Verdict: Equatable, Sendable {
        case text(String, overLength: Bool)
        case rejected(String)
    }

    public static func clean(_ raw: String, lengthTarget: Int) -> Verdict {
        var text = xmlSafeText(raw)
        // Markup: tags, markdown emphasis and code, headings, list bullets.
        text = removeTags(text)
        for token in ["**", "__", "`", "#"] { text = text.replacingAll(token, with: "") }
        text = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        text = text.trimmingCharacters(" \"'“”‘’-*")
        let lowered = text.lowercased()
        for opening in ["an image of ", "image of ", "a picture of ", "picture of ", "a photo of ", "a photograph of ",
                        "this image shows ", "the image shows ", "this is an image of ", "in this image, ", "the image depicts "] {
            if lowered.hasPrefix(opening) {
                text = String(text.dropFirst(opening.count))
                break
            }
        }
        if let first = text.first { text = first.uppercased() + text.dropFirst() }
        if text.isEmpty { return .rejected("the model's answer was empty") }
        if looksLikeRefusal(text.lowercased()) { return .rejected("the model refused or answered with an error: \(text.prefix(80))") }
        return .text(text, overLength: text.count > lengthTarget)
    }

    static func looksLikeRefusal(_ lowered: String) -> Bool {
        let markers = ["i'm sorry", "i am sorry", "i cannot", "i can't", "i can not", "as an ai", "i am unable", "i'm unable",
                       "unable to view", "cannot see the image", "error:", "exception", "traceback", "internal server error",
                       "no image provided", "i don't see an image", "i do not see an image"]
        return markers.contains { lowered.hasPrefix($0) || (lowered.count < 160 && lowered.contains($0)) }
    }

    private static func removeTags(_ text: String) -> String {
        var out = ""
        var inTag = false
        for c in text {
            if c == "<" { inTag = true; continue }
            if c == ">" && inTag { inTag = false; out.append(" "); continue }
            if !inTag { out.append(c) }
        }
        return out
    }
}

extension String {
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty, contains(target) else { return self }
        return split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }

    func trimmingCharacters(_ set: String) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) || f.isWhitespace { s = s.dropFirst() }
        while let l = s.last, set.contains(l) || l.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}
