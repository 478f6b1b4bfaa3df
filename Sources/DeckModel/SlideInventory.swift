import AltbuildSupport
/// Every slot of one slide, in document order.
public struct SlideInventory: Sendable, Codable {
    public var number: Int
    public var part: String
    public var title: String?
    public var slots: [Slot]
    /// altbuild's block in the slide's notes, if it has one (`NotesBlock`).
    public var notesBlock: NotesBlock.Found?

    public init(number: Int, part: String, title: String?, slots: [Slot], notesBlock: NotesBlock.Found? = nil) {
        self.number = number
        self.part = part
        self.title = title
        self.slots = slots
        self.notesBlock = notesBlock
    }
}

/// Every slot of a deck, slide by slide in presentation order.
public struct DeckInventory: Sendable, Codable {
    public var slides: [SlideInventory]
    /// Size of a slide in EMUs, from `p:sldSz`.
    public var slideSize: Frame?
    /// The language tag most of the deck's text is marked with (`de-DE`), if any.
    public var language: String?

    public var slots: [Slot] { slides.flatMap(\.slots) }

    public init(slides: [SlideInventory], slideSize: Frame?) {
        self.slides = slides
        self.slideSize = slideSize
    }
}
