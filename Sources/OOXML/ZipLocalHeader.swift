import AltbuildSupport

/// The local header in front of an entry's data, read only for what decides
/// where the data is and which entry it belongs to. Its other fields
/// (timestamps, sizes left to a data descriptor, extra fields, "version
/// needed") are the central directory's business: real writers let the two
/// differ, and every reader takes the central directory's word for them.
struct ZipLocalHeader {
    let start: Int
    let name: ZipEntryName
    let dataStart: Int

    static let signature = 0x0403_4B50
    static let fixedLength = 30

    /// The local header of `entry`, which is at `start`.
    static func read(_ bytes: some ZipBytes, at start: Int, for entry: ZipEntryName) throws -> ZipLocalHeader {
        guard let record = try ZipRecord(reading: bytes, at: start, length: fixedLength) else {
            throw AltbuildError(.zipTruncated, "the local header of \(entry.quoted) (at byte \(start)) lies past the end of the file, which is cut off")
        }
        guard record.u32(0) == signature else {
            throw AltbuildError(.zipCorrupt, "\(entry.quoted) has no local header where the central directory says (byte \(start))")
        }
        let nameLength = record.u16(26), extraLength = record.u16(28)
        guard let name = try bytes.field(at: record.end, length: nameLength),
              bytes.hasField(at: record.end + nameLength, length: extraLength) else {
            throw AltbuildError(.zipTruncated, "the local header of \(entry.quoted) runs past the end of the file, which is cut off")
        }
        return ZipLocalHeader(start: start, name: ZipEntryName(raw: Array(name)), dataStart: record.end + nameLength + extraLength)
    }
}
