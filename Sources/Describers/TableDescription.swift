import DeckModel

/// A table's ALT text: its size, and its column names, or, when it has no
/// header row, that fact and its first row, so a listener never takes the
/// first row of data for column names.
enum TableDescription {
    /// Names listed before "and N more".
    static let maxNames = 8
    /// A name's length before it is cut, at a word boundary.
    static let nameLimit = 30

    /// "Table with 4 rows and 5 columns; columns: Region, Q1, Q2, Q3 and Q4."
    /// "Table with 3 rows and 2 columns, no header row; first row: Apples and 3."
    static func describe(_ table: TableData, _ wording: Wording = .english) -> String {
        guard case .phrases(let phrases) = wording else { return NeutralForm.table(table) }
        guard table.rows > 0, table.columns > 0 else { return phrases.emptyTable }
        var text = phrases.table(rows: table.rows, columns: table.columns)
        if !table.firstRowIsHeader { text += phrases.noHeaderRow }
        let names = table.header.map(name).filter { !$0.isEmpty }
        if !names.isEmpty {
            text += (table.firstRowIsHeader ? phrases.columnsLabel : phrases.firstRowLabel) + phrases.list(names, max: maxNames)
        }
        return TextStyle.sentence(text)
    }

    /// A cell's text as a name: whitespace collapsed, and cut only at a word
    /// boundary. A name a little over the limit is kept whole, since cutting
    /// off its last word saves a listener almost nothing.
    static func name(_ text: String) -> String {
        let words = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return words.count <= nameLimit + 10 ? words : LabelText.clip(words, nameLimit)
    }
}
