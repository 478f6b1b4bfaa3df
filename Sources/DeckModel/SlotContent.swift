import AltbuildSupport
/// The structured data behind a slot that can be described exactly, without
/// looking at pixels.
public enum SlotContent: Sendable, Equatable, Codable {
    case none
    case chart(ChartData)
    case table(TableData)
    /// SmartArt: its layout and its node tree.
    case diagram(DiagramData)
    /// The group's direct children, summarised.
    case group([GroupMember])
    case oleObject(progID: String?)
}

/// One direct child of a group shape.
public struct GroupMember: Sendable, Equatable, Codable {
    /// The slot kind, or nil for a plain text shape.
    public var kind: SlotKind?
    public var name: String
    /// The child's text (for text shapes) or its ALT text, if any.
    public var text: String?

    public init(kind: SlotKind?, name: String, text: String?) {
        self.kind = kind
        self.name = name
        self.text = text
    }
}

/// A table's shape and header.
public struct TableData: Sendable, Equatable, Codable {
    public var rows: Int
    public var columns: Int
    /// The column names when the table has a header row, else the first row's
    /// cells: merged cells read once, from the cell they continue, and empty
    /// cells left out, so the list never holds blanks or repeats.
    public var header: [String]
    /// Whether the first row is a header: marked so by the table style
    /// (`a:tblPr firstRow="1"`), or a row of text over rows of numbers.
    public var firstRowIsHeader: Bool

    public init(rows: Int, columns: Int, header: [String], firstRowIsHeader: Bool) {
        self.rows = rows
        self.columns = columns
        self.header = header
        self.firstRowIsHeader = firstRowIsHeader
    }
}
