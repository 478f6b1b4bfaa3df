extension String {
    /// The string without leading and trailing whitespace (Foundation's
    /// `trimmingCharacters(in:)` without Foundation).
    public func trimmingWhitespace() -> String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s = s.dropFirst() }
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}

extension String {
    /// Nil for the empty string: for "the title, if it has any words" chains.
    public var nilIfEmpty: String? { isEmpty ? nil : self }
}
