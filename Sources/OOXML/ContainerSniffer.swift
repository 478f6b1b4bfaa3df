import AltbuildSupport
/// Recognises what a file is from its first bytes, before any parser sees it,
/// so that a legacy or encrypted deck gets a precise error rather than
/// "not a zip".
enum ContainerSniffer {
    enum Kind { case zip, oleCompoundFile, other }

    static func kind(of bytes: [UInt8]) -> Kind {
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) { return .oleCompoundFile }
        if looksLikeZip(bytes) { return .zip }
        return .other
    }

    static func looksLikeZip(_ bytes: [UInt8]) -> Bool {
        bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) || bytes.starts(with: [0x50, 0x4B, 0x05, 0x06])
    }

    /// An OLE file holding an `EncryptedPackage` stream is an OOXML deck
    /// encrypted with a password (MS-OFFCRYPTO); stream names are UTF-16LE.
    static func isEncryptedPackage(_ bytes: [UInt8]) -> Bool {
        let name: [UInt8] = "EncryptedPackage".utf8.flatMap { [$0, UInt8(0)] }
        return contains(bytes, name)
    }

    /// The zip end-of-central-directory record sits in the last 64 KiB + 22 bytes.
    static func hasEndOfCentralDirectory(_ bytes: [UInt8]) -> Bool {
        let tail = bytes.suffix(65_536 + 22)
        return contains(Array(tail), [0x50, 0x4B, 0x05, 0x06])
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
