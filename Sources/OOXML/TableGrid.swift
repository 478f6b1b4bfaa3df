import AltbuildSupport
/// A table's cells placed on its grid, every merged cell resolved to the cell
/// it continues (its origin), so that a merged cell's text is read once, from
/// its origin, and never as an empty or extra name.
///
/// PowerPoint writes a cell element for every grid position: the origin
/// carries `gridSpan`/`rowSpan`, and the positions it covers are cells marked
/// `hMerge` (continues the cell to the left) or `vMerge` (continues the cell
/// above). Other writers leave out the covered cells of a `gridSpan`; those
/// positions are filled from the origin here, so later cells keep their columns.
struct TableGrid {
    struct Cell: Equatable {
        var text: String
        /// Identifies the origin cell: equal for an origin and every cell that continues it.
        var origin: Int
        /// Whether this position is covered by a merge rather than being its own cell.
        var continues: Bool
    }

    /// Grid positions read per row at most: PowerPoint allows 75 columns, and
    /// a hostile `gridSpan` must not make an array of millions.
    static let maxColumns = 1_000

    private(set) var rows: [[Cell]] = []

    init(_ rowElements: some Sequence<XMLElement>) {
        var nextOrigin = 0
        for row in rowElements {
            var cells: [Cell] = []
            let above = rows.last ?? []
            var uncovered = 0  // positions a gridSpan covers that no hMerge cell has filled yet
            for tc in row.children(.drawing, "tc") {
                guard cells.count < Self.maxColumns else { break }
                if let left = cells.last, Self.flag(tc, "hMerge") {
                    cells.append(Cell(text: left.text, origin: left.origin, continues: true))
                    uncovered = max(uncovered - 1, 0)
                    continue
                }
                if let left = cells.last, uncovered > 0 {
                    let filled = min(uncovered, Self.maxColumns - cells.count)
                    cells += Array(repeating: Cell(text: left.text, origin: left.origin, continues: true), count: filled)
                    uncovered = 0
                    guard cells.count < Self.maxColumns else { break }
                }
                if Self.flag(tc, "vMerge"), cells.count < above.count {
                    let origin = above[cells.count]
                    cells.append(Cell(text: origin.text, origin: origin.origin, continues: true))
                    uncovered = Self.span(tc.attribute("gridSpan")) - 1
                    continue
                }
                cells.append(Cell(text: tc.child(.drawing, "txBody").map(inlineText) ?? "", origin: nextOrigin, continues: false))
                nextOrigin += 1
                uncovered = Self.span(tc.attribute("gridSpan")) - 1
            }
            rows.append(cells)
        }
    }

    /// The cells of `row` that are their own origin (no merge continuations), in column order.
    func origins(inRow row: Int) -> [Cell] {
        guard rows.indices.contains(row) else { return [] }
        return rows[row].filter { !$0.continues }
    }

    /// `hMerge="1"`/`"true"`: the schema's boolean.
    static func flag(_ element: XMLElement, _ name: String) -> Bool {
        let value = element.attribute(name)
        return value == "1" || value == "true"
    }

    /// A declared span, clamped to 1...maxColumns: the value is untrusted.
    static func span(_ text: String?) -> Int {
        min(max(text.flatMap { Int($0) } ?? 1, 1), maxColumns)
    }
}
