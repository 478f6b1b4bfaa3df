public import DeckModel

/// The prompt sent to a vision model, built from a template with the slot's
/// context: slide title, nearby text and notes (each capped), the deck's
/// language, the slot's kind and the length wanted. Placeholders:
/// `{kind}`, `{language}`, `{length}`, `{title}`, `{nearby}`, `{notes}`;
/// a line whose placeholders are all empty is dropped.
public struct PromptTemplate: Sendable, Equatable {
    public var text: String

    public init(text: String = PromptTemplate.defaultText) { self.text = text }

    public static let defaultText = """
        You write alternative text (ALT text) for a {kind} on a presentation slide, for people who use screen readers.
        Say what it shows and what it means on this slide, in {language}, in one or two sentences of at most {length} characters.
        Do not start with "Image of" or "Picture of", and reply with the ALT text only.
        Slide title: {title}
        Text near it: {nearby}
        Speaker notes: {notes}
        """

    public func render(slot: Slot, language: String, lengthTarget: Int) -> String {
        let context = slot.context
        let nearby = [context.caption].compactMap { $0 } + context.slideText.filter { $0 != context.caption }
        let values: [String: String] = [
            "kind": Self.kindName(slot.kind),
            "language": language,
            "length": String(lengthTarget),
            "title": Self.cap(context.slideTitle ?? "", 200),
            "nearby": Self.cap(nearby.joined(separator: " / "), 400),
            "notes": Self.cap(context.notes ?? "", 400),
        ]
        var lines: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var rendered = String(line)
            var hadPlaceholder = false
            var allEmpty = true
            for (name, value) in values where rendered.contains("{\(name)}") {
                hadPlaceholder = true
                if !value.isEmpty { allEmpty = false }
                rendered = rendered.replacingAll("{\(name)}", with: value)
            }
            if hadPlaceholder && allEmpty { continue }
            lines.append(rendered)
        }
        return lines.joined(separator: "\n")
    }

    static func kindName(_ kind: SlotKind) -> String {
        switch kind {
        case .picture, .pictureFill: return "picture (photo, screenshot, diagram or illustration)"
        case .chart, .chartex: return "chart"
        case .diagram: return "diagram"
        case .table: return "table"
        case .video: return "video's poster frame"
        default: return "graphic"
        }
    }

    static func cap(_ text: String, _ limit: Int) -> String {
        let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return flat.count <= limit ? flat : String(flat.prefix(limit)) + "…"
    }
}
