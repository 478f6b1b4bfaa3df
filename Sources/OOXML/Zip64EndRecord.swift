import AltbuildSupport

/// The zip64 end-of-central-directory record, found through the locator
/// just before the ordinary end record.
struct Zip64EndRecord {
    let position: Int
    let entryCount: Int
    let directorySize: Int
    let directoryOffset: Int

    static let signature = 0x0606_4B50
    static let locatorSignature = 0x0706_4B50
    static let locatorLength = 20
    static let length = 56

    /// The zip64 record, or nil when the archive has none.
    static func read(_ bytes: some ZipBytes, endRecordAt end: Int) throws -> Zip64EndRecord? {
        guard let locator = try ZipRecord(reading: bytes, at: end - locatorLength, length: locatorLength),
              locator.u32(0) == locatorSignature else { return nil }
        // At its recorded offset, or (if data was prepended) right before the locator.
        for candidate in [locator.u64(8), locator.start - length] {
            if let record = try ZipRecord(reading: bytes, at: candidate, length: length), record.u32(0) == signature,
               record.end <= locator.start {
                return Zip64EndRecord(
                    position: record.start, entryCount: record.u64(32),
                    directorySize: record.u64(40), directoryOffset: record.u64(48))
            }
        }
        throw AltbuildError(.zipCorrupt, "the archive has a zip64 locator but no zip64 end-of-central-directory record where it points")
    }
}
