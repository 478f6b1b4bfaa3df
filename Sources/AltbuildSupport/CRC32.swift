internal import CZlib

/// CRC-32 from zlib (already loaded with libzip): a fast checksum for
/// detecting torn or garbled records, not a content identity.
public enum CRC32 {
    public static func checksum(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return 0 }
        return UInt32(truncatingIfNeeded: crc32(0, base, uInt(bytes.count)))
    }

    /// As 8 lowercase hex digits.
    public static func hex(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        hex(checksum(bytes))
    }

    /// A checksum as 8 lowercase hex digits.
    public static func hex(_ value: UInt32) -> String {
        let text = String(value, radix: 16)
        return String(repeating: "0", count: 8 - text.count) + text
    }
}
