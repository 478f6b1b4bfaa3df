public import DeckModel

/// What a picture that is a link is for: W3C's rule for functional images is
/// that the text says what the link does, not what the picture shows.
public enum LinkDescription {
    public static func text(_ link: SlotLink) -> String {
        switch link {
        case .slide(let number): return "Link: go to slide \(number)."
        case .url(let target): return "Link: \(shortTarget(target))."
        case .jump(let jump):
            let words = ["nextslide": "next slide", "previousslide": "previous slide", "firstslide": "first slide",
                         "lastslide": "last slide", "lastslideviewed": "last slide viewed", "endshow": "end the show"]
            let target = words[jump.lowercased()] ?? "another slide"
            return jump.lowercased() == "endshow" ? "Link: end the show." : "Link: go to the \(target)."
        case .action(let action):
            let words = ["program": "run a program", "macro": "run a macro", "ole": "open an embedded object",
                         "media": "play media", "hlinkpres": "open another presentation", "customshow": "start a custom show"]
            return "Link: \(words[action.lowercased()] ?? "an action")."
        }
    }

    /// `https://www.example.org/page?x=1` → `example.org/page`; mail links keep their address.
    static func shortTarget(_ target: String) -> String {
        var text = Substring(target)
        for scheme in ["https://", "http://", "mailto:"] where text.lowercased().hasPrefix(scheme) { text = text.dropFirst(scheme.count) }
        if text.lowercased().hasPrefix("www.") { text = text.dropFirst(4) }
        text = text.prefix { $0 != "?" && $0 != "#" }
        while text.hasSuffix("/") { text = text.dropLast() }
        return text.count > 60 ? String(text.prefix(59)) + "…" : String(text)
    }
}
