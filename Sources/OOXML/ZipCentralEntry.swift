import AltbuildSupport

/// One central directory entry, with zip64 sizes and offset resolved: what
/// every reader takes as the truth about an entry.
struct ZipCentralEntry {
    let name: ZipEntryName
    let crc: UInt32
    let compressedSize: Int
    let uncompressedSize: Int
    /// Where the local header is, as the archive counts (add `ZipEndRecord.base`).
    let localHeaderOffset: Int
    /// Bytes the entry takes in the central directory.
    let recordLength: Int

    static let signature = 0x0201_4B50
    static let fixedLength = 46
    static let zip64ExtraID = 0x0001

    /// The entry at `start`, which must end by `limit` (the central directory's end).
    static func read(_ bytes: some ZipBytes, at start: Int, limit: Int, index: Int) throws -> ZipCentralEntry {
        guard let record = try ZipRecord(reading: bytes, at: start, length: fixedLength), record.end <= limit,
              record.u32(0) == signature else {
            throw AltbuildError(.zipCorrupt, "central directory entry \(index + 1) is missing or damaged (at byte \(start))")
        }
        let nameLength = record.u16(28), extraLength = record.u16(30), commentLength = record.u16(32)
        let total = fixedLength + nameLength + extraLength + commentLength
        guard start + total <= limit, let name = try bytes.field(at: record.end, length: nameLength),
              let extra = try bytes.field(at: record.end + nameLength, length: extraLength) else {
            throw AltbuildError(.zipCorrupt, "central directory entry \(index + 1) runs past the end of the central directory")
        }
        var sizes = Zip64Fields(uncompressed: record.u32(24), compressed: record.u32(20), offset: record.u32(42))
        let entryName = ZipEntryName(raw: Array(name))
        guard sizes.resolve(with: Array(extra)) else {
            throw AltbuildError(.zipCorrupt, "\(entryName.quoted) declares zip64 sizes but its zip64 extra field does not hold them")
        }
        return ZipCentralEntry(
            name: entryName, crc: UInt32(record.u32(16)),
            compressedSize: sizes.compressed, uncompressedSize: sizes.uncompressed,
            localHeaderOffset: sizes.offset, recordLength: total)
    }
}

/// The three central directory fields zip64 can widen. A field of
/// 0xFFFFFFFF means "see the zip64 extra field", which holds the widened
/// fields in this order, each 8 bytes, and only those.
private struct Zip64Fields {
    var uncompressed: Int
    var compressed: Int
    var offset: Int

    /// Replaces each 0xFFFFFFFF field from the zip64 extra field; false if it is missing or short.
    mutating func resolve(with extra: [UInt8]) -> Bool {
        let marker = 0xFFFF_FFFF
        guard [uncompressed, compressed, offset].contains(marker) else { return true }
        guard let field = ZipExtraFields.value(id: ZipCentralEntry.zip64ExtraID, in: extra) else { return false }
        var values: [Int] = stride(from: 0, to: field.count - 7, by: 8).compactMap { ZipRecord(field, at: $0, length: 8)?.u64(0) }
        values.reverse()
        for path in [\Zip64Fields.uncompressed, \.compressed, \.offset] where self[keyPath: path] == marker {
            guard let value = values.popLast() else { return false }
            self[keyPath: path] = value
        }
        return true
    }
}
