import AltbuildSupport
/// One change to one slot: new ALT text, the decorative flag, or both.
public struct AltTextEdit: Sendable, Equatable, Codable {
    public var part: String
    public var ordinal: Int
    /// The new `descr`; nil leaves it as it is.
    public var descr: String?
    public var markDecorative: Bool

    public init(part: String, ordinal: Int, descr: String?, markDecorative: Bool = false) {
        self.part = part
        self.ordinal = ordinal
        self.descr = descr
        self.markDecorative = markDecorative
    }
}

/// Makes text safe for an XML 1.0 attribute: removes characters XML 1.0 does
/// not allow (C0 controls other than tab, newline and carriage return,
/// surrogates, U+FFFE and U+FFFF). Escaping, including newlines as `&#10;`,
/// is the serializer's job.
public func xmlSafeText(_ text: String) -> String {
    // Most texts hold none of them: no C0 control but tab, newline and
    // carriage return, and no U+FFFE or U+FFFF (EF BF BE, EF BF BF in UTF-8).
    if !text.utf8.contains(where: { ($0 < 0x20 && $0 != 0x9 && $0 != 0xA && $0 != 0xD) || $0 == 0xEF }) { return text }
    var scalars = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
        let v = scalar.value
        let allowed = v == 0x9 || v == 0xA || v == 0xD
            || (0x20...0xD7FF).contains(v) || (0xE000...0xFFFD).contains(v) || (0x10000...0x10FFFF).contains(v)
        if allowed { scalars.append(scalar) }
    }
    return String(scalars)
}
