import AltbuildSupport
/// A SmartArt diagram's words and their tree, as the data part stores them.
///
/// The tree is kept flat, in reading order with a depth per item, rather than
/// as nested nodes: a hostile deck can nest thousands of levels, and a flat
/// list is encoded, compared and walked without recursion.
public struct DiagramData: Sendable, Equatable, Codable {
    /// The layout's unique id, e.g. `urn:microsoft.com/office/officeart/2005/8/layout/hierarchy1`.
    public var layout: String?
    /// The layout's category as PowerPoint files it in its gallery (`hierarchy`,
    /// `process`, `cycle`, `list`, `relationship`, `matrix`, `pyramid`, `picture`),
    /// or inferred from the layout id when the deck does not say.
    public var category: String?
    /// Every node with text, parents before their children and siblings in order.
    public var items: [DiagramItem]
    /// Whether the reader stopped at its limits, so `items` is not the whole diagram.
    public var truncated: Bool

    public init(layout: String? = nil, category: String? = nil, items: [DiagramItem] = [], truncated: Bool = false) {
        self.layout = layout
        self.category = category
        self.items = items
        self.truncated = truncated
    }

    /// The node texts in reading order, without the tree.
    public var texts: [String] { items.map(\.text) }

    /// How many levels the tree has (0 when it has no text).
    public var levels: Int { items.map(\.level).max().map { $0 + 1 } ?? 0 }
}

/// One SmartArt node: its text and its depth (0 for the top level).
public struct DiagramItem: Sendable, Equatable, Codable {
    public var text: String
    public var level: Int

    public init(_ text: String, level: Int = 0) {
        self.text = text
        self.level = level
    }
}
