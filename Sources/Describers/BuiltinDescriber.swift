import AltbuildSupport
import DeckModel

/// The offline, deterministic describer: exact for charts, tables, SmartArt
/// and groups (it reads their data), and a context-based placeholder for
/// pictures and media that it cannot see, flagged for review.
///
/// It never starts with "Image of" or "Picture of": screen readers already
/// announce the role, so those words only waste the listener's time.
public struct BuiltinDescriber: Describer {
    /// Bump when the wording changes, so cached descriptions are redone.
    public static let version = "2"

    /// Reads text in pictures when Tesseract is installed.
    public let recognizer: TextRecognizer?

    /// `recognizer` defaults to Tesseract if it is on `PATH`.
    public init(recognizer: TextRecognizer? = TextRecognizer.detect()) {
        self.recognizer = recognizer
    }

    public var identity: DescriberIdentity {
        DescriberIdentity(name: "builtin", version: Self.version, settings: recognizer == nil ? [:] : ["ocr": "tesseract"])
    }

    public var needsMedia: Bool { recognizer != nil }
    public var limiter: DescriberLimiter? { recognizer?.limiter }

    public func describe(_ request: DescriptionRequest) async throws -> Description {
        if let recognizer, let media = request.media, Self.readsText(request.slot) {
            let text = await recognizer.text(in: media, cancel: request.cancel)
            if text.filter(\.isLetter).count >= 12 {
                return Description(text: TextStyle.sentence("Screenshot with text: " + TextStyle.quoted(text, limit: 120)), needsReview: true)
            }
        }
        return describeNow(request)
    }

    static func readsText(_ slot: Slot) -> Bool {
        (slot.kind == .picture || slot.kind == .pictureFill) && slot.content == .none
    }

    /// What the builtin describer reads, as canonical JSON: the slot's kind
    /// and data, and for pictures and objects the caption or, without one,
    /// the slide title or number. Nothing else enters the key.
    struct ContextKey: Encodable {
        var kind: SlotKind
        var content: SlotContent
        var caption: String?
        var title: String?
        var slide: Int?
    }

    public func contextKey(_ request: DescriptionRequest) -> String {
        let slot = request.slot
        var key = ContextKey(kind: slot.kind, content: slot.content)
        let caption = slot.context.caption.flatMap { $0.isEmpty ? nil : $0 }
        let title = slot.context.slideTitle.flatMap { $0.isEmpty ? nil : $0 }
        // Where the slot is: its slide's title, or the slide number when it has none.
        let place = (title, title == nil ? slot.slide : nil)
        switch slot.content {
        case .chart, .table, .group:
            break
        case .diagram(let texts) where !texts.isEmpty:
            break
        case .oleObject:
            (key.title, key.slide) = place
        default:
            if let caption { key.caption = caption } else { (key.title, key.slide) = place }
        }
        // Kinds, strings and numbers only: encoding cannot fail.
        return (try? CanonicalJSON.text(key)) ?? ""
    }

    /// The synchronous core, usable where no concurrency is wanted.
    public func describeNow(_ request: DescriptionRequest) -> Description {
        let slot = request.slot
        switch slot.content {
        case .chart(let chart):
            return Description(text: ChartDescription.describe(chart), needsReview: false)
        case .table(let table):
            return Description(text: tableText(table), needsReview: false)
        case .diagram(let texts) where !texts.isEmpty:
            return Description(text: TextStyle.sentence("Diagram with \(TextStyle.plural(texts.count, "item")): \(TextStyle.list(texts.map { TextStyle.clip($0, 40) }, max: 8))"), needsReview: false)
        case .group(let members):
            return Description(text: groupText(members), needsReview: members.contains { $0.kind != nil && $0.text == nil })
        case .oleObject(let progID):
            return Description(text: "Embedded \(oleName(progID))" + place(slot) + ".", needsReview: true)
        default:
            return Description(text: contextText(slot), needsReview: true)
        }
    }

    private func tableText(_ table: TableData) -> String {
        var text = "Table with \(TextStyle.plural(table.rows, "row")) and \(TextStyle.plural(table.columns, "column"))"
        let header = table.header.filter { !$0.isEmpty }.map { TextStyle.clip($0, 30) }
        if !header.isEmpty {
            text += table.firstRowIsHeader ? "; columns: " : "; first row: "
            text += TextStyle.list(header, max: 8)
        }
        return TextStyle.sentence(text)
    }

    private func groupText(_ members: [GroupMember]) -> String {
        let parts = members.map { member -> String in
            guard let text = member.text, !text.isEmpty else { return "a " + (member.kind.map(noun) ?? "shape") }
            let noun = member.kind.map(noun) ?? "text"
            return noun + " " + TextStyle.quoted(text, limit: 40)
        }
        return TextStyle.sentence("Group of \(TextStyle.plural(members.count, "item")): \(TextStyle.list(parts, max: 5))")
    }

    /// Pictures and media: the builtin describer cannot see them, so it says
    /// what the slide says about them and asks for review.
    private func contextText(_ slot: Slot) -> String {
        let what = TextStyle.capitalized(noun(slot.kind))
        if let caption = slot.context.caption, !caption.isEmpty {
            return TextStyle.sentence("\(what) captioned \(TextStyle.quoted(caption))")
        }
        return what + place(slot) + "."
    }

    private func place(_ slot: Slot) -> String {
        if let title = slot.context.slideTitle, !title.isEmpty {
            return " illustrating " + TextStyle.quoted(title.split(separator: "\n").joined(separator: " "))
        }
        return " on slide \(slot.slide)"
    }

    private func noun(_ kind: SlotKind) -> String {
        switch kind {
        case .picture: return "picture"
        case .pictureFill: return "shape filled with a picture"
        case .video: return "video"
        case .audio: return "audio clip"
        case .chart, .chartex: return "chart"
        case .table: return "table"
        case .diagram: return "diagram"
        case .oleObject: return "embedded object"
        case .model3D: return "3D model"
        case .group: return "group"
        case .graphic: return "graphic"
        }
    }

    private func oleName(_ progID: String?) -> String {
        guard let progID else { return "object" }
        let known: [(String, String)] = [
            ("Excel.", "Excel worksheet"), ("Word.", "Word document"), ("PowerPoint.", "PowerPoint presentation"),
            ("Visio.", "Visio drawing"), ("Equation.", "equation"), ("Package", "file"), ("AcroExch.", "PDF document"),
        ]
        return known.first { progID.hasPrefix($0.0) }?.1 ?? "object (\(progID))"
    }
}
