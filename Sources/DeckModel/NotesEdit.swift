import AltbuildSupport

/// What altbuild's block in one slide's notes should become (`NotesBlock`).
public struct NotesEdit: Sendable, Equatable, Codable {
    /// The slide part whose notes these are.
    public var part: String
    /// The paragraphs of the block, its two markers included; empty removes
    /// the block (the slide no longer has anything to describe at length).
    public var paragraphs: [String]
    /// The language tag for the runs (`de-DE`); nil leaves it unmarked.
    public var language: String?
    /// Right to left (Hebrew, Arabic): the paragraphs are marked so.
    public var rightToLeft: Bool

    public init(part: String, paragraphs: [String], language: String? = nil, rightToLeft: Bool = false) {
        self.part = part
        self.paragraphs = paragraphs
        self.language = language
        self.rightToLeft = rightToLeft
    }

    /// The lines between the markers, as the scan reports them back.
    public var lines: [String] { paragraphs.count >= 2 ? Array(paragraphs.dropFirst().dropLast()) : [] }
}

/// Every change one inject makes to a deck: slots' ALT text and flags, and
/// altbuild's blocks in slide notes.
public struct DeckEdits: Sendable, Equatable, Codable {
    public var slots: [AltTextEdit]
    public var notes: [NotesEdit]

    public init(slots: [AltTextEdit] = [], notes: [NotesEdit] = []) {
        self.slots = slots
        self.notes = notes
    }

    public var isEmpty: Bool { slots.isEmpty && notes.isEmpty }
}
