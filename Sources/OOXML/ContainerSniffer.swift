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

    /// Whether the archive's end is intact: an end-of-central-directory record
    /// (in the last 64 KiB + 22 bytes) that is whole and whose central
    /// directory lies inside the file. A cut-off download fails this.
    static func hasEndOfCentralDirectory(_ bytes: [UInt8]) -> Bool {
        let signature: [UInt8] = [0x50, 0x4B, 0x05, 0x06]
        var position = bytes.count - 4
        let lowest = max(0, bytes.count - 65_536 - 22)
        while position >= lowest {
            if bytes[position..<(position + 4)].elementsEqual(signature) { break }
            position -= 1
        }
        guard position >= lowest, position + 22 <= bytes.count else { return false }
        func le32(_ at: Int) -> Int {
            Int(bytes[at]) | Int(bytes[at + 1]) << 8 | Int(bytes[at + 2]) << 16 | Int(bytes[at + 3]) << 24
        }
        let size = le32(position + 12)
        let offset = le32(position + 16)
        // Zip64 archives put 0xFFFFFFFF here and the real values elsewhere.
        if size == 0xFFFF_FFFF || offset == 0xFFFF_FFFF { return true }
        return offset + size <= position
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
