import AltbuildSupport

/// How an object lies on disk: as it is, or deflated behind a 12-byte
/// header (a NUL, `ABZ`, then the plain length as 8 bytes big-endian). No
/// JSON record and no zip starts with a NUL, so objects stored before
/// compression read as they are. Small objects and those that do not shrink
/// are stored plain.
enum StoredObject {
    static let magic: [UInt8] = [0, 0x41, 0x42, 0x5A]
    static let headerLength = 12
    /// Below this, deflating saves less than the header and a disk block's rounding.
    static let minimumToCompress = 256

    static func encode(_ bytes: [UInt8]) -> [UInt8] {
        // Plain bytes that begin like the header are always wrapped, so reading is never ambiguous.
        let looksWrapped = bytes.starts(with: magic)
        guard bytes.count >= minimumToCompress || looksWrapped, let deflated = Zlib.compress(bytes),
              deflated.count + headerLength < bytes.count || looksWrapped else { return bytes }
        var length = UInt64(bytes.count).bigEndian
        let header = magic + withUnsafeBytes(of: &length) { Array($0) }
        return header + deflated
    }

    /// The plain bytes; nil for a deflated object that does not inflate to
    /// its recorded length (the caller then treats it as corrupt).
    static func decode(_ stored: [UInt8]) -> [UInt8]? {
        guard stored.count >= headerLength, Array(stored.prefix(4)) == magic else { return stored }
        let length = stored[4..<headerLength].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        // A record is small; a header claiming more than 1 GiB is damage, not data.
        guard length <= 1 << 30 else { return nil }
        return Zlib.uncompress(Array(stored[headerLength...]), count: Int(length))
    }
}
