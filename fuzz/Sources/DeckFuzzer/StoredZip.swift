import AltbuildSupport

/// Writes a zip archive with every entry stored (not compressed), in order.
/// Stored entries keep the mutated bytes visible to the next mutation, and the
/// CRCs are right, so libzip accepts the archive and hands the parts on.
enum StoredZip {
    struct Entry {
        var name: String
        var bytes: [UInt8]
    }

    /// nil when the entries do not fit a plain (non-Zip64) archive.
    static func archive(_ entries: [Entry]) -> [UInt8]? {
        guard entries.count < 0xFFFF else { return nil }
        var out: [UInt8] = []
        var directory: [UInt8] = []
        for entry in entries {
            let name = Array(entry.name.utf8)
            guard name.count < 0xFFFF, entry.bytes.count < 0xFFFF_FFFF, out.count < 0xFFFF_FFFF else { return nil }
            let crc = entry.bytes.withUnsafeBufferPointer { CRC32.checksum($0) }
            let offset = UInt32(out.count)
            // Local file header: version 2.0, UTF-8 names, stored, 1980-01-01.
            out.le32(0x0403_4B50); out.le16(20); out.le16(0x0800); out.le16(0); out.le16(0); out.le16(0x21)
            out.le32(crc); out.le32(UInt32(entry.bytes.count)); out.le32(UInt32(entry.bytes.count))
            out.le16(UInt16(name.count)); out.le16(0)
            out += name
            out += entry.bytes
            // The matching central directory record.
            directory.le32(0x0201_4B50); directory.le16(20); directory.le16(20); directory.le16(0x0800)
            directory.le16(0); directory.le16(0); directory.le16(0x21)
            directory.le32(crc); directory.le32(UInt32(entry.bytes.count)); directory.le32(UInt32(entry.bytes.count))
            directory.le16(UInt16(name.count)); directory.le16(0); directory.le16(0); directory.le16(0); directory.le16(0)
            directory.le32(0); directory.le32(offset)
            directory += name
        }
        guard out.count < 0xFFFF_FFFF else { return nil }
        let directoryOffset = UInt32(out.count)
        out += directory
        // End of central directory: one disk, no comment.
        out.le32(0x0605_4B50); out.le16(0); out.le16(0)
        out.le16(UInt16(entries.count)); out.le16(UInt16(entries.count))
        out.le32(UInt32(directory.count)); out.le32(directoryOffset); out.le16(0)
        return out
    }
}

extension [UInt8] {
    mutating func le16(_ value: UInt16) {
        append(UInt8(value & 0xFF)); append(UInt8(value >> 8))
    }

    mutating func le32(_ value: UInt32) {
        for shift in stride(from: 0, to: 32, by: 8) { append(UInt8((value >> UInt32(shift)) & 0xFF)) }
    }
}
