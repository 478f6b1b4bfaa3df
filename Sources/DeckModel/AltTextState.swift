import AltbuildSupport
/// What the ALT text already on a slot is, which decides whether altbuild may
/// write over it.
public enum AltTextState: String, Sendable, CaseIterable, Codable {
    /// Absent, empty or only whitespace.
    case missing
    /// A file name (`IMG_1234.JPG`, what python-pptx writes by default), a
    /// path, a URL, a bare number or a default shape name ("Picture 3"):
    /// text, but not a description (`PlaceholderRules`).
    case placeholder
    /// PowerPoint's "... Description automatically generated", in any of its
    /// forms and languages (`AutomaticCaptions`), never reviewed.
    case automatic
    /// Anything else: a person wrote it, and it is kept unless asked.
    case human
    /// Marked decorative: screen readers skip it, and so does altbuild.
    case decorative

    /// Classifies `descr` for a shape called `shapeName`. The patterns live
    /// in `AutomaticCaptions` and `PlaceholderRules`, one table each.
    public static func classify(descr: String?, shapeName: String, decorative: Bool) -> AltTextState {
        if decorative { return .decorative }
        let text = (descr ?? "").trimmingWhitespace()
        if text.isEmpty { return .missing }
        if AutomaticCaptions.marker(in: text) != nil { return .automatic }
        if PlaceholderRules.match(text, shapeName: shapeName) != nil || isContextEcho(text) { return .placeholder }
        return .human
    }

    /// What altbuild before its review states wrote for pictures it could not
    /// see ("Picture illustrating “Title”", "Picture captioned “…”",
    /// "Picture on slide 3.", "Group of 2 items: a shape and a shape."):
    /// an echo of the slide, not a description, so it may be replaced.
    static func isContextEcho(_ text: String) -> Bool {
        let nouns = ["Picture", "Shape filled with a picture", "Video", "Audio clip", "Graphic", "3D model", "Embedded "]
        guard text.hasPrefix("Group of ") || nouns.contains(where: { text.hasPrefix($0) }) else { return false }
        if text.hasPrefix("Group of ") {
            // Only the member list without any member text: "a shape and a picture".
            return !text.contains("“")
        }
        let head = text.split(separator: "“", maxSplits: 1).first.map(String.init) ?? text
        if head.hasSuffix(" illustrating ") || head.hasSuffix(" captioned ") { return text.hasSuffix("”.") || text.hasSuffix("”") }
        let words = head.split(separator: " ")
        guard words.count >= 4, words[words.count - 3] == "on", words[words.count - 2] == "slide" else { return false }
        let number = words[words.count - 1].dropLast(head.hasSuffix(".") ? 1 : 0)
        return !number.isEmpty && number.allSatisfy { $0.isNumber }
    }
}
