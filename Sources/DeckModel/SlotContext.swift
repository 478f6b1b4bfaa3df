import AltbuildSupport
/// The words around a slot that a describer may use: a picture means little
/// without its slide's title, caption and speaker notes.
public struct SlotContext: Sendable, Equatable, Codable {
    /// The text of the slide's title placeholder (`title` or `ctrTitle`).
    public var slideTitle: String?
    /// A short text box directly above or below the slot, like a caption.
    public var caption: String?
    /// The slide's other text, in reading order.
    public var slideText: [String]
    /// The speaker notes.
    public var notes: String?

    public init(slideTitle: String? = nil, caption: String? = nil, slideText: [String] = [], notes: String? = nil) {
        self.slideTitle = slideTitle
        self.caption = caption
        self.slideText = slideText
        self.notes = notes
    }
}
