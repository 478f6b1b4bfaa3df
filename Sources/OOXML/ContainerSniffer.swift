import AltbuildSupport
/// Recognises what a file is from its first bytes (or, for a zip archive
/// with data in front, its end record), before any parser sees it,
/// so that a legacy or encrypted deck gets a precise error rather than
/// "not a zip".
enum ContainerSniffer {
    enum Kind { case zip, oleCompoundFile, other }

    static func kind(of bytes: some ZipBytes) throws -> Kind {
        let start = try prefix(of: bytes, 8)
        if start.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) { return .oleCompoundFile }
        if try looksLikeZip(bytes, start: start) { return .zip }
        return .other
    }

    /// The first `length` bytes, or all of them when there are fewer.
    static func prefix(of bytes: some ZipBytes, _ length: Int) throws -> ArraySlice<UInt8> {
        try bytes.read(0..<min(length, bytes.count))
    }

    /// A zip archive starts with a local header or (when empty) an end
    /// record; one with data prepended (a self-extractor stub) still has its
    /// end record near the end, which is where zip readers look first.
    private static func looksLikeZip(_ bytes: some ZipBytes, start: ArraySlice<UInt8>) throws -> Bool {
        try start.starts(with: [0x50, 0x4B, 0x03, 0x04]) || start.starts(with: [0x50, 0x4B, 0x05, 0x06])
            || ZipEndRecord.lastSignature(in: bytes) != nil
    }

    /// An OLE file holding an `EncryptedPackage` stream is an OOXML deck
    /// encrypted with a password (MS-OFFCRYPTO); stream names are UTF-16LE.
    static func isEncryptedPackage(_ bytes: some ZipBytes) throws -> Bool {
        let name: [UInt8] = "EncryptedPackage".utf8.flatMap { [$0, UInt8(0)] }
        return try contains(bytes, name)
    }

    /// Whether `needle` occurs in the bytes, read a MiB at a time; windows
    /// overlap by one byte less than the needle, so no occurrence falls between two.
    private static func contains(_ bytes: some ZipBytes, _ needle: [UInt8]) throws -> Bool {
        guard !needle.isEmpty else { return false }
        let step = max(1 << 20, needle.count)
        var start = 0
        while start <= bytes.count - needle.count {
            let window = try bytes.read(start..<min(bytes.count, start + step + needle.count - 1))
            if contains(window, needle) { return true }
            start += step
        }
        return false
    }

    private static func contains(_ haystack: ArraySlice<UInt8>, _ needle: [UInt8]) -> Bool {
        guard haystack.count >= needle.count else { return false }
        let first = needle[0]
        var i = haystack.startIndex
        let last = haystack.endIndex - needle.count
        while i <= last {
            if haystack[i] == first && haystack[i..<(i + needle.count)].elementsEqual(needle) { return true }
            i += 1
        }
        return false
    }
}
