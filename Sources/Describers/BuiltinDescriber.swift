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
    public static let version = "6"

    /// Reads text in pictures when Tesseract is installed.
    public let recognizer: TextRecognizer?
    /// `--language` (a tag or a name); nil writes in each deck's language.
    public let language: String?

    /// `recognizer` defaults to Tesseract if it is on `PATH`.
    public init(recognizer: TextRecognizer? = TextRecognizer.detect(), language: String? = nil) {
        self.recognizer = recognizer
        self.language = language
    }

    /// The language enters the identity only when set, so a build without
    /// `--language` keeps its cache keys; the deck's own language is in
    /// `contextKey`.
    public var identity: DescriberIdentity {
        var settings: [String: String] = recognizer == nil ? [:] : ["ocr": "tesseract"]
        if let language { settings["language"] = language }
        return DescriberIdentity(name: "builtin", version: Self.version, settings: settings)
    }

    /// The phrasebook for `request`: `--language`, else the deck's, else English.
    func wording(_ request: DescriptionRequest) -> Wording {
        Wording.choose(setting: language, deck: request.deckLanguage)
    }

    public var needsMedia: Bool { recognizer != nil }
    public var limiter: DescriberLimiter? { recognizer?.limiter }

    public func describe(_ request: DescriptionRequest) async throws -> Description {
        if let recognizer, let media = request.media, Self.readsText(request.slot) {
            let reading = await recognizer.read(media, cancel: request.cancel)
            let text = TextRecognizer.plausibleText(reading.words)
            if Self.isLegible(text) {
                let screenshot = ScreenCapture.looksLikeOne(format: media.format, width: reading.width, height: reading.height)
                let written: String
                switch wording(request) {
                case .phrases(let phrases):
                    written = TextStyle.sentence(phrases.withText(screenshot: screenshot) + phrases.quoted(text, limit: 120))
                case .neutral:
                    written = TextStyle.clip(text, 120)
                }
                return Description(text: written, needsReview: false, reason: "text read by OCR")
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
        /// The phrasebook's language ("" for the neutral form).
        var language: String
        /// Characters kept free for the build's pointer to the notes (0: none, left out of the key).
        var reserve: Int?
    }

    public func contextKey(_ request: DescriptionRequest) -> String {
        let slot = request.slot
        var key = ContextKey(kind: slot.kind, content: slot.content, language: wording(request).code,
                             reserve: request.reserve > 0 ? request.reserve : nil)
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
        let wording = wording(request)
        switch slot.content {
        case .chart(let chart):
            return Description(text: ChartDescription.describe(chart, wording, target: ChartDescription.lengthTarget - request.reserve,
                                                                dataElsewhere: request.reserve > 0),
                               needsReview: false)
        case .table(let table):
            return Description(text: TableDescription.describe(table, wording), needsReview: false)
        case .diagram(let diagram) where !diagram.items.isEmpty:
            return Description(text: DiagramDescription.describe(diagram, wording, budget: DiagramDescription.budget - request.reserve),
                               needsReview: false)
        case .group(let members):
            return GroupDescription.describe(members, slot, wording)
        case .oleObject(let progID):
            return .contextOnly(ContextText.object(progID, slot, wording), reason: "only the kind of object is known")
        default:
            return .contextOnly(ContextText.text(slot, wording), reason: contextReason(slot))
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
}
