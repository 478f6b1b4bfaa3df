import AltbuildSupport
/// Recognises what a file is from its first bytes (or, for a zip archive
/// with data in front, its end record), before any parser sees it,
/// so that a legacy or encrypted deck gets a precise error rather than
/// "not a zip".
enum ContainerSniffer {
    enum Kind { case zip, oleCompoundFile, other }

    static func kind(of bytes: [UInt8]) -> Kind {
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) { return .oleCompoundFile }
        if looksLikeZip(bytes) { return .zip }
        return .other
    }

    /// A zip archive starts with a local header or (when empty) an end
    /// record; one with data prepended (a self-extractor stub) still has its
    /// end record near the end, which is where zip readers look first.
    static func looksLikeZip(_ bytes: [UInt8]) -> Bool {
        bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) || bytes.starts(with: [0x50, 0x4B, 0x05, 0x06])
            || ZipEndRecord.lastSignature(in: bytes) != nil
    }

    /// An OLE file holding an `EncryptedPackage` stream is an OOXML deck
    /// encrypted with a password (MS-OFFCRYPTO); stream names are UTF-16LE.
    static func isEncryptedPackage(_ bytes: [UInt8]) -> Bool {
        let name: [UInt8] = "EncryptedPackage".utf8.flatMap { [$0, UInt8(0)] }
        return contains(bytes, name)
    }

    private static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, haystack.count >= needle.count else { return false }
        let first = needle[0]
        var i = 0
        let last = haystack.count - needle.count
        while i <= last {
            if haystack[i] == first && haystack[i..<(i + needle.count)].elementsEqual(needle) { return true }
            i += 1
        }
        return false
    }
}
