public import AltbuildSupport
/// One place in a deck that needs ALT text: a picture, a chart, a table, a
/// group... together with everything a describer and a reviewer need to know.
public struct Slot: Sendable, Codable {
    /// 1-based slide number in presentation order.
    public var slide: Int
    /// The slide part holding the slot, such as `ppt/slides/slide3.xml`.
    public var part: String
    /// The slot's position among the slots of its slide, in document order.
    /// It addresses the slot for rewriting; `cNvPr` ids are not unique enough
    /// (both branches of `mc:AlternateContent` often share one).
    public var ordinal: Int
    /// `cNvPr/@id` and `@name`.
    public var shapeID: String
    public var name: String
    public var kind: SlotKind
    /// Existing `descr` and `title` attributes.
    public var descr: String?
    public var title: String?
    public var isDecorative: Bool
    public var state: AltTextState
    /// The part with the slot's bytes (image, video, chart, diagram data...).
    public var mediaPart: String?
    public var mediaDigest: SHA256Digest?
    public var frame: Frame?
    /// `choice` or `fallback` inside `mc:AlternateContent`, else nil.
    public var alternateBranch: String?
    /// How many groups enclose the slot.
    public var groupDepth: Int
    public var context: SlotContext
    public var content: SlotContent
    /// Where clicking the slot goes, if anywhere.
    public var link: SlotLink? = nil
    /// The slot is the fallback picture of ink drawn with a pen
    /// (`p14:contentPart` in the choice): strokes, not a picture someone placed.
    public var drawsInk = false

    public init(slide: Int, part: String, ordinal: Int, shapeID: String, name: String, kind: SlotKind,
                descr: String?, title: String?, isDecorative: Bool, state: AltTextState, mediaPart: String?,
                mediaDigest: SHA256Digest?, frame: Frame?, alternateBranch: String?, groupDepth: Int,
                context: SlotContext, content: SlotContent) {
        self.slide = slide
        self.part = part
        self.ordinal = ordinal
        self.shapeID = shapeID
        self.name = name
        self.kind = kind
        self.descr = descr
        self.title = title
        self.isDecorative = isDecorative
        self.state = state
        self.mediaPart = mediaPart
        self.mediaDigest = mediaDigest
        self.frame = frame
        self.alternateBranch = alternateBranch
        self.groupDepth = groupDepth
        self.context = context
        self.content = content
    }
}
