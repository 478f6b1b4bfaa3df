import AltbuildSupport
import DeckModel

/// The offline, deterministic describer: exact for charts, tables, SmartArt
/// and groups (it reads their data), and for pictures with legible text (OCR).
/// Other pictures and media it cannot see: for those it only has context
/// (a caption, the slide title), which it returns flagged `needsReview` with
/// the reason, so the build leaves the slot for a person instead of writing
/// a sentence that says nothing about the picture.
///
/// It never starts with "Image of" or "Picture of": screen readers already
/// announce the role, so those words only waste the listener's time.
public struct BuiltinDescriber: Describer {
    /// Bump when the wording changes, so cached descriptions are redone.
    public static let version = "5"

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
            let reading = await recognizer.read(media, cancel: request.cancel)
            let text = TextRecognizer.plausibleText(reading.words)
            if Self.isLegible(text) {
                let noun = ScreenCapture.looksLikeOne(format: media.format, width: reading.width, height: reading.height)
                    ? "Screenshot" : "Image"
                return Description(text: TextStyle.sentence(noun + " with text: " + TextStyle.quoted(text, limit: 120)),
                                   needsReview: false, reason: "text read by OCR")
            }
            var context = describeNow(request)
            context.reason = context.reason.map { $0 + "; " + Self.unreadable(reading) }
            return context
        }
        return describeNow(request)
    }

    /// Why OCR added nothing, with what it read when that was only noise,
    /// so the reviewer sees it.
    static func unreadable(_ reading: RecognizedText) -> String {
        if reading.isNoise {
            return "OCR read only digits and single letters: " + TextStyle.quoted(reading.words, limit: 60)
        }
        return "OCR found no legible text"
    }

    /// The bar OCR text must pass to be written: at least 12 letters, two
    /// words of three letters or more, and mostly letters and spaces, so
    /// the digits and stray marks OCR reads off a photo never become ALT text.
    static func isLegible(_ text: String) -> Bool {
        let visible = text.filter { !$0.isWhitespace }
        let letters = visible.filter(\.isLetter).count
        let words = text.split(whereSeparator: \.isWhitespace).filter { $0.filter(\.isLetter).count >= 3 }
        return letters >= 12 && words.count >= 2 && Double(letters) >= 0.7 * Double(visible.count)
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
        case .diagram(let diagram) where !diagram.items.isEmpty:
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
            return Description(text: TableDescription.describe(table), needsReview: false)
        case .diagram(let diagram) where !diagram.items.isEmpty:
            return Description(text: DiagramDescription.describe(diagram), needsReview: false)
        case .group(let members):
            return groupDescription(members, slot)
        case .oleObject(let progID):
            return .contextOnly("Embedded \(OLEObjectName.name(progID))" + place(slot) + ".", reason: "only the kind of object is known")
        default:
            return .contextOnly(contextText(slot), reason: contextReason(slot))
        }
    }

    /// Why a picture or medium could not be described: what little was known.
    private func contextReason(_ slot: Slot) -> String {
        let known: String
        if let caption = slot.context.caption, !caption.isEmpty { known = "only a caption is known" }
        else if let title = slot.context.slideTitle, !title.isEmpty { known = "only the slide title is known" }
        else { known = "nothing is known but its slide" }
        return "\(known); no vision model configured"
    }

    /// A group is described by its members' texts; one whose members say
    /// nothing gets no text ("Group of 2 items: a shape and a shape" tells
    /// a listener nothing).
    private func groupDescription(_ members: [GroupMember], _ slot: Slot) -> Description {
        let parts = members.compactMap { member -> String? in
            guard let text = member.text?.trimmingWhitespace(), !text.isEmpty else { return nil }
            return (member.kind.map(noun) ?? "text") + " " + TextStyle.quoted(text, limit: 40)
        }
        guard !parts.isEmpty else {
            return .contextOnly("Group" + place(slot) + ".", reason: members.isEmpty ? "the group is empty" : "none of its \(TextStyle.plural(members.count, "member")) has text")
        }
        let untold = members.count - parts.count
        var text = "Group: \(TextStyle.list(parts, max: 5))"
        if untold > 0 { text += " and \(TextStyle.plural(untold, "item")) without text" }
        return Description(text: TextStyle.sentence(text), needsReview: false)
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
}
