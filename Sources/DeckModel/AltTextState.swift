import AltbuildSupport
/// What the ALT text already on a slot is, which decides whether altbuild may
/// write over it.
public enum AltTextState: String, Sendable, CaseIterable, Codable {
    /// Absent, empty or only whitespace.
    case missing
    /// A file name (`IMG_1234.JPG`, what python-pptx writes by default) or a
    /// default shape name ("Picture 3"): text, but not a description.
    case placeholder
    /// PowerPoint's "... Description automatically generated", never reviewed.
    case automatic
    /// Anything else: a person wrote it, and it is kept unless asked.
    case human
    /// Marked decorative: screen readers skip it, and so does altbuild.
    case decorative

    /// Classifies `descr` for a shape called `shapeName`.
    public static func classify(descr: String?, shapeName: String, decorative: Bool) -> AltTextState {
        if decorative { return .decorative }
        let text = (descr ?? "").trimmingWhitespace()
        if text.isEmpty { return .missing }
        if text.lowercased().contains("description automatically generated") { return .automatic }
        if text == shapeName.trimmingWhitespace() || isFileName(text) || isDefaultShapeName(text) || isContextEcho(text) {
            return .placeholder
        }
        return .human
    }

    private static let mediaExtensions: Set<String> = [
        "png", "jpg", "jpeg", "jpe", "gif", "bmp", "tif", "tiff", "emf", "wmf", "svg", "webp",
        "heic", "heif", "ico", "jfif", "mp4", "m4v", "mov", "avi", "wmv", "mp3", "wav", "m4a", "wma",
    ]

    /// `image.png`, `IMG_1234.JPG`, `C:\Users\x\photo.jpeg`: one token ending in a media extension.
    static func isFileName(_ text: String) -> Bool {
        guard let dot = text.lastIndex(of: "."), !text.contains("\n") else { return false }
        let ext = text[text.index(after: dot)...].lowercased()
        guard mediaExtensions.contains(ext) else { return false }
        // A sentence that merely ends in a file name ("Logo of the team, see logo.png") is prose.
        return text.split(separator: " ").count <= 3
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

    private static let defaultNames: Set<String> = [
        "picture", "image", "graphic", "chart", "table", "diagram", "group", "object", "video",
        "audio", "rectangle", "content placeholder", "picture placeholder", "shape", "photo",
        "screenshot", "img", "dsc", "dscn", "pxl", "oval", "freeform", "textbox", "text box",
    ]

    /// "Picture 3", "Content Placeholder 12", "IMG_1234", "DSC01234".
    static func isDefaultShapeName(_ text: String) -> Bool {
        let lowered = text.lowercased()
        var stem = Substring(lowered)
        while let last = stem.last, last.isNumber || last == " " || last == "_" || last == "-" { stem = stem.dropLast() }
        guard stem.count < lowered.count || defaultNames.contains(String(stem)) else { return false }
        return defaultNames.contains(String(stem))
    }
}
