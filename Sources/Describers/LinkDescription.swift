public import DeckModel

/// What a picture that is a link is for: W3C's rule for functional images is
/// that the text says what the link does, not what the picture shows.
public enum LinkDescription {
    /// In English unless `language` (a tag or a name, as `--language` takes)
    /// names another: the deck's language or the `--language` setting.
    public static func text(_ link: SlotLink, language: String? = nil) -> String {
        text(link, Wording.choose(setting: language, deck: nil))
    }

    static func text(_ link: SlotLink, _ wording: Wording) -> String {
        guard case .phrases(let phrases) = wording else { return NeutralForm.link(link) }
        switch link {
        case .slide(let number): return phrases.linkToSlide(number)
        case .url(let target): return phrases.link(shortTarget(target))
        case .jump(let jump):
            return phrases.link(phrases.jump(jump.lowercased()) ?? phrases.jump("other") ?? "")
        case .action(let action):
            return phrases.link(phrases.action(action.lowercased()) ?? phrases.action("other") ?? "")
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
