public import DeckModel
public import AltbuildSupport

/// Turns one slot into ALT text. The seam between the build and whatever
/// writes the words: the offline builtin describer now, vision models later.
public protocol Describer: Sendable {
    /// Everything about this describer that changes its output (name, version,
    /// model, prompt...). It becomes part of every description's cache key.
    var identity: DescriberIdentity { get }

    func describe(_ request: DescriptionRequest) async throws -> Description

    /// The part of the request this describer actually uses, in a canonical
    /// form: with the image digest and `identity` it keys the description
    /// cache, so context the describer ignores never causes a cache miss.
    func contextKey(_ request: DescriptionRequest) -> String

    /// Whether `describe` needs the slot's bytes (an image); the builtin
    /// describer does not, so they are never extracted for it.
    var needsMedia: Bool { get }

    /// The longest side, in pixels, pictures should be scaled down to before
    /// this describer gets them (0: as they are). The worker scales them, so
    /// the parent never decodes a picture.
    var imageSide: Int { get }

    /// The build-wide bound on this describer's requests and processes.
    var limiter: DescriberLimiter? { get }

    /// The `--language` this describer writes in, nil to follow each deck.
    /// Texts the build writes itself (a linked picture's "Link: …") follow it too.
    var language: String? { get }

    /// Checked once at build start (is the server reachable, does it have the
    /// model?), so a broken setup fails with one clear message instead of
    /// failing every deck.
    func preflight() async throws
}

extension Describer {
    public var needsMedia: Bool { false }
    public var imageSide: Int { 0 }
    public var limiter: DescriberLimiter? { nil }
    public var language: String? { nil }
    public func preflight() async throws {}
}

/// A describer's name, version and output-affecting settings.
public struct DescriberIdentity: Sendable, Equatable, Codable {
    public var name: String
    public var version: String
    public var settings: [String: String]

    public init(name: String, version: String, settings: [String: String] = [:]) {
        self.name = name
        self.version = version
        self.settings = settings
    }

    /// A canonical one-line form, stable across runs (settings sorted by key).
    public var canonical: String {
        let pairs = settings.keys.sorted().map { "\($0)=\(settings[$0] ?? "")" }
        return ([name, version] + pairs).joined(separator: ";")
    }
}

/// What a describer is asked to describe.
public struct DescriptionRequest: Sendable {
    public var slot: Slot
    /// Slide size, for judging how big the slot is.
    public var slideSize: Frame?
    /// The deck the slot is in, for messages and context.
    public var deckPath: String
    /// The deck's language tag (`fr-FR`), when its text is marked with one.
    public var deckLanguage: String?
    /// The slot's picture as the worker prepared it, when the describer asked for it.
    public var media: SlotImage?
    /// Set when the deck's build is cancelled (timeout, Ctrl+C): a describer
    /// running a process must stop it.
    public var cancel: CancelFlag
    /// Characters the build will add to the text (a pointer to the long
    /// description in the notes): the text aims that much below its target,
    /// so the whole still fits.
    public var reserve = 0

    public init(slot: Slot, slideSize: Frame? = nil, deckPath: String = "", deckLanguage: String? = nil,
                media: SlotImage? = nil, cancel: CancelFlag = CancelFlag()) {
        self.slot = slot
        self.deckLanguage = deckLanguage
        self.slideSize = slideSize
        self.deckPath = deckPath
        self.media = media
        self.cancel = cancel
    }
}

/// A describer's answer.
public struct Description: Sendable, Equatable {
    public var text: String
    /// True when the describer knew only the slot's context (its slide's
    /// title, a caption, its number): `text` then says nothing about the
    /// slot itself, so the build writes nothing and leaves the slot for a
    /// person, unless asked to write context (`--fallback context`).
    public var needsReview: Bool
    /// Why a person is needed ("only a caption is known"), or where the text came from.
    public var reason: String?
    /// Something a person should know (a description over the length target).
    public var warning: String?

    public init(text: String, needsReview: Bool, reason: String? = nil, warning: String? = nil) {
        self.text = text
        self.needsReview = needsReview
        self.reason = reason
        self.warning = warning
    }

    /// Context a describer fell back on, with the reason it could do no better.
    public static func contextOnly(_ text: String, reason: String) -> Description {
        Description(text: text, needsReview: true, reason: reason)
    }
}
