import AltbuildSupport

/// Where the central directory is, from the end-of-central-directory record
/// (and the zip64 end record when there is one).
///
/// Like unzip and Python's zipfile, the last end record in the final 64 KiB
/// is the one that counts, and bytes after it (beyond its comment) are
/// ignored. Data before the archive is accepted too: a prefix the offsets
/// count (a self-extractor stub) needs nothing, and a prefix they do not
/// count shows as `base`, the amount every offset is shifted by.
struct ZipEndRecord: Equatable {
    /// Added to every offset the archive records to get a position in the bytes.
    let base: Int
    /// Position of the central directory's first byte.
    let directoryStart: Int
    let directorySize: Int
    let entryCount: Int

    var directoryEnd: Int { directoryStart + directorySize }

    static let signature = 0x0605_4B50
    static let length = 22
    /// An end record may be followed by a comment of up to 65,535 bytes.
    static let searchWindow = 65_535 + length

    /// Position of the last end-record signature where an end record can be.
    static func lastSignature(in bytes: some ZipBytes) throws -> Int? {
        guard bytes.count >= 4 else { return nil }
        let lowest = max(0, bytes.count - searchWindow)
        let window = try bytes.read(lowest..<bytes.count)
        var position = bytes.count - 4
        while position >= lowest {
            let at = window.startIndex + position - lowest
            if window[at] == 0x50, window[at + 1] == 0x4B, window[at + 2] == 0x05, window[at + 3] == 0x06 {
                return position
            }
            position -= 1
        }
        return nil
    }

    static func locate(in bytes: some ZipBytes) throws -> ZipEndRecord {
        guard let position = try lastSignature(in: bytes) else {
            throw AltbuildError(.zipTruncated, "the archive has no end-of-central-directory record, so it is cut off (or not a whole zip archive)")
        }
        guard let record = try ZipRecord(reading: bytes, at: position, length: length) else {
            throw AltbuildError(.zipTruncated, "the archive is cut off inside its end-of-central-directory record")
        }
        if let zip64 = try Zip64EndRecord.read(bytes, endRecordAt: position) {
            return try make(count: zip64.entryCount, size: zip64.directorySize, offset: zip64.directoryOffset, endsAt: zip64.position)
        }
        return try make(count: record.u16(10), size: record.u32(12), offset: record.u32(16), endsAt: position)
    }

    /// The central directory ends where the end records begin; whatever lies
    /// before the recorded offset that the offset does not count is `base`.
    private static func make(count: Int, size: Int, offset: Int, endsAt limit: Int) throws -> ZipEndRecord {
        let (recorded, overflow) = size.addingReportingOverflow(offset)
        guard !overflow, recorded <= limit else {
            throw AltbuildError(.zipTruncated, "the central directory (\(size) bytes at offset \(offset)) runs past the end of the archive, which is cut off or damaged")
        }
        let base = limit - recorded
        return ZipEndRecord(base: base, directoryStart: base + offset, directorySize: size, entryCount: count)
    }
}
