import AltbuildSupport
/// Reads a DrawingML table's size and its header row, or its first row when
/// it has no header, with merged cells resolved (see `TableGrid`).
enum TableReader {
    /// Rows read for the header and for telling text from numbers. The size
    /// counts every row; only this many are looked into, so a hostile table of
    /// a million rows costs no more than a real one.
    static let sampledRows = 100

    static func read(_ tbl: XMLElement) -> TableData {
        let rows = tbl.children(.drawing, "tr")
        let grid = TableGrid(rows.prefix(sampledRows))
        let gridColumns = tbl.child(.drawing, "tblGrid")?.children(.drawing, "gridCol").count ?? 0
        let declared = tbl.child(.drawing, "tblPr").map { TableGrid.flag($0, "firstRow") } ?? false
        let isHeader = declared || looksLikeHeader(grid)
        let first = grid.rows.first ?? []
        return TableData(
            rows: rows.count,
            columns: max(gridColumns, grid.rows.map(\.count).max() ?? 0),
            header: names(isHeader ? headerCells(grid) : first),
            firstRowIsHeader: isHeader)
    }

    /// A table whose style does not mark a header still has one when its
    /// first row is all text over a column of (mostly) numbers: "Region, Q1,
    /// Q2" over "North, 10, 20".
    static func looksLikeHeader(_ grid: TableGrid) -> Bool {
        guard grid.rows.count >= 2 else { return false }
        let first = grid.rows[0]
        let texts = grid.origins(inRow: 0).map(\.text)
        guard texts.contains(where: { !$0.isEmpty }), !texts.contains(where: isNumber) else { return false }
        for column in first.indices where !first[column].text.isEmpty {
            let body = grid.rows.dropFirst().compactMap { row -> String? in
                guard column < row.count, !row[column].continues, !row[column].text.isEmpty else { return nil }
                return row[column].text
            }
            let numbers = body.filter(isNumber).count
            if numbers > 0 && numbers * 2 >= body.count { return true }
        }
        return false
    }

    /// The cell naming each column. In a two-row header, a cell spanning
    /// several columns ("Sales" over "Q1 Q2 Q3") is a group: its columns are
    /// named by the row below, and a cell merged down from the first row
    /// ("Region") names its column itself. A header counts as two rows only
    /// when the second row has such a merged-down cell and no numbers, so a
    /// first data row is never taken for column names.
    static func headerCells(_ grid: TableGrid) -> [TableGrid.Cell] {
        guard let top = grid.rows.first else { return [] }
        guard grid.rows.count >= 3 else { return top }
        let below = grid.rows[1]
        var widths: [Int: Int] = [:]
        for cell in top { widths[cell.origin, default: 0] += 1 }
        let topOrigins = Set(top.map(\.origin))
        guard below.contains(where: { $0.continues && topOrigins.contains($0.origin) }),
              !below.contains(where: { !$0.continues && isNumber($0.text) }) else { return top }
        return top.indices.map { column in
            guard (widths[top[column].origin] ?? 0) > 1, column < below.count,
                  !below[column].continues, !below[column].text.isEmpty else { return top[column] }
            return below[column]
        }
    }

    /// The texts of a row's cells: each merged cell once, empty cells left out.
    static func names(_ cells: [TableGrid.Cell]) -> [String] {
        var names: [String] = []
        var previous: Int?
        for cell in cells where cell.origin != previous {
            previous = cell.origin
            if !cell.text.isEmpty { names.append(cell.text) }
        }
        return names
    }

    /// "1,234", "-5.5", "12%", "$3", "(4)", "1 200 €": a value, not a label.
    /// Years count too, which is why a row of years over numbers is not taken
    /// for a header unless the table style says so.
    static func isNumber(_ text: String) -> Bool {
        let core = text.filter { !" ,$€£¥%+-−()\u{00A0}\u{202F}".contains($0) }
        return core.contains(where: { $0.isASCII && $0.isNumber })
            && core.allSatisfy { ($0.isASCII && $0.isNumber) || $0 == "." }
    }
}
