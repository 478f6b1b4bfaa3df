import AltbuildSupport
/// Reads a DrawingML table's size and header row.
enum TableReader {
    static func read(_ tbl: XMLElement) -> TableData {
        let rows = tbl.children(.drawing, "tr")
        let gridColumns = tbl.child(.drawing, "tblGrid")?.children(.drawing, "gridCol").count ?? 0
        let header = rows.first.map { row in
            row.children(.drawing, "tc").map { cell in
                paragraphsText(cell).split(separator: "\n").joined(separator: " ")
            }
        } ?? []
        let firstRow = tbl.child(.drawing, "tblPr")?.attribute("firstRow")
        return TableData(
            rows: rows.count,
            columns: max(gridColumns, header.count),
            header: header,
            firstRowIsHeader: firstRow == "1" || firstRow == "true")
    }
}
