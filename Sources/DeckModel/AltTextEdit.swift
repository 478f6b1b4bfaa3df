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
    var scalars = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
        let v = scalar.value
        let allowed = v == 0x9 || v == 0xA || v == 0xD
            || (0x20...0xD7FF).contains(v) || (0xE000...0xFFFD).contains(v) || (0x10000...0x10FFFF).contains(v)
        if allowed { scalars.append(scalar) }
    }
    return String(scalars)
}
