extension String {
    /// Runs of whitespace (spaces, tabs, line breaks) as one space, trimmed:
    /// deck text reaches ALT text through this, so a line break in a title
    /// never glues two words ("ChartsAre") and cell padding never shows as
    /// stray spaces.
    public func collapsingWhitespace() -> String {
        split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
