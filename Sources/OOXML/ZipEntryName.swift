import AltbuildSupport

/// An entry name as the archive spells it (raw bytes), with the rules the
/// Open Packaging Conventions set for part names.
struct ZipEntryName: Equatable {
    let raw: [UInt8]

    /// The name as text: UTF-8, or (a legacy writer's CP437 name) one character per byte.
    var text: String {
        String(validating: raw, as: UTF8.self) ?? String(String.UnicodeScalarView(raw.map { Unicode.Scalar($0) }))
    }

    /// The name in quotes for messages, with control characters (a NUL) spelled out.
    var quoted: String {
        let visible = text.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? "\\u{\(String($0.value, radix: 16))}" : String($0) }
        return "\"" + visible.joined() + "\""
    }

    /// Why no OPC part can have this name, or nil when one can. Such a name
    /// is refused outright: a reader that joins it to a folder could write or
    /// read outside it, and readers disagree about where a NUL ends a name.
    var unsafeReason: String? {
        if raw.contains(0) { return "it contains a NUL byte" }
        if raw.first == UInt8(ascii: "/") { return "it is absolute (it starts with /)" }
        if raw.contains(UInt8(ascii: "\\")) { return "it contains a backslash" }
        if hasDotDotSegment { return "it has a .. segment" }
        return nil
    }

    private var hasDotDotSegment: Bool {
        var segmentStart = 0
        for index in 0...raw.count where index == raw.count || raw[index] == UInt8(ascii: "/") {
            if index - segmentStart == 2 && raw[segmentStart] == 0x2E && raw[segmentStart + 1] == 0x2E { return true }
            segmentStart = index + 1
        }
        return false
    }

    /// Two names with the same key are the same part to OPC, which compares
    /// names ASCII case-insensitively and after Unicode NFC normalisation.
    /// Only ASCII letters are folded; Swift's `String` equality and hashing
    /// are canonical equivalence, which is what NFC normalisation decides.
    var opcKey: String {
        // An ASCII name (every part name a real writer makes) is its own NFC form: fold its bytes.
        if raw.allSatisfy({ $0 < 0x80 }) {
            return String(decoding: raw.map { (0x41...0x5A).contains($0) ? $0 + 0x20 : $0 }, as: UTF8.self)
        }
        let folded = text.unicodeScalars.map { scalar -> Unicode.Scalar in
            (0x41...0x5A).contains(scalar.value) ? Unicode.Scalar(UInt8(scalar.value + 0x20)) : scalar
        }
        return String(String.UnicodeScalarView(folded))
    }
}

extension ZipEntryName {
    /// Refuses a name no part may have, and two names that are the same part.
    static func check(_ names: [ZipEntryName]) throws {
        var seen: [String: ZipEntryName] = [:]
        for name in names {
            if let reason = name.unsafeReason {
                throw AltbuildError(.zipUnsafeName, "the entry name \(name.quoted) cannot be a part name: \(reason)")
            }
            if let earlier = seen.updateValue(name, forKey: name.opcKey) {
                let what = earlier == name
                    ? "the entry \(name.quoted) twice"
                    : "the entries \(earlier.quoted) and \(name.quoted), one part name to OPC (it ignores ASCII case and Unicode normalisation)"
                throw AltbuildError(.zipDuplicate, "the archive holds \(what); readers would disagree about which is the part")
            }
        }
    }
}
