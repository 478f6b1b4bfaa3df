extension StringProtocol {
    /// Runs of whitespace (spaces, tabs, line breaks) as one space, trimmed:
    /// deck text reaches ALT text through this, so a line break in a title
    /// never glues two words ("ChartsAre") and cell padding never shows as
    /// stray spaces. Whitespace is `Character.isWhitespace`; ASCII text,
    /// where that is tab to carriage return and space, is done in bytes.
    public func collapsingWhitespace() -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count)
        var gap = false
        for byte in utf8 {
            guard byte < 0x80 else { return split(whereSeparator: \.isWhitespace).joined(separator: " ") }
            if byte == 0x20 || (0x09...0x0D).contains(byte) {
                gap = !bytes.isEmpty
                continue
            }
            if gap { bytes.append(0x20) }
            gap = false
            bytes.append(byte)
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
