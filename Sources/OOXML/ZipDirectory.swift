import AltbuildSupport

/// The archive's layout as altbuild reads it from the bytes, before libzip
/// opens them: the end records, the central directory and each entry's
/// local header, with the checks that keep a hostile archive out.
///
/// libzip's own consistency mode (`ZIP_CHECKCONS`) is the wrong filter for
/// decks: it refuses what real writers do (a local header whose timestamp or
/// "version needed" differs from the central directory's, bytes after the
/// end record) and does not look at what matters here: entries that share
/// bytes, several names for one part, names that are not part names.
struct ZipDirectory {
    struct Entry {
        let central: ZipCentralEntry
        /// From the local header's first byte to the data's last: the bytes the entry owns.
        let span: Range<Int>

        var name: ZipEntryName { central.name }
    }

    let end: ZipEndRecord
    let entries: [Entry]

    init(_ bytes: some ZipBytes, limits: ReadLimits) throws {
        let end = try ZipEndRecord.locate(in: bytes)
        self.end = end
        if end.entryCount > limits.maxEntries {
            throw AltbuildError(.zipTooManyEntries, "the archive has \(end.entryCount) entries, over the limit of \(limits.maxEntries)")
        }
        let central = try Self.centralEntries(bytes.preloading(end.directoryStart..<end.directoryEnd), end)
        try ZipEntryName.check(central.map(\.name))
        let headers = try central.map { try ZipLocalHeader.read(bytes, at: Self.position(of: $0, end), for: $0.name) }
        let entries = try zip(central, headers).map { try Self.entry($0, $1, in: bytes) }
        self.entries = entries
        try ZipOverlap.check(entries, directoryStart: end.directoryStart)
        for (entry, header) in zip(central, headers) where header.name != entry.name {
            throw AltbuildError(.zipCorrupt, "the local header of \(entry.name.quoted) names it \(header.name.quoted)")
        }
    }

    private static func centralEntries(_ bytes: some ZipBytes, _ end: ZipEndRecord) throws -> [ZipCentralEntry] {
        var entries: [ZipCentralEntry] = []
        var position = end.directoryStart
        for index in 0..<end.entryCount {
            let entry = try ZipCentralEntry.read(bytes, at: position, limit: end.directoryEnd, index: index)
            entries.append(entry)
            position += entry.recordLength
        }
        if position != end.directoryEnd {
            throw AltbuildError(.zipCorrupt, "the central directory is \(end.directorySize) bytes long, but its \(end.entryCount) entries take \(position - end.directoryStart)")
        }
        return entries
    }

    /// Where the entry's local header is in the bytes (an offset past any position reads as cut off).
    private static func position(of entry: ZipCentralEntry, _ end: ZipEndRecord) -> Int {
        let (position, overflow) = end.base.addingReportingOverflow(entry.localHeaderOffset)
        return overflow ? Int.max : position
    }

    private static func entry(_ central: ZipCentralEntry, _ header: ZipLocalHeader, in bytes: some ZipBytes) throws -> Entry {
        let (dataEnd, overflow) = header.dataStart.addingReportingOverflow(central.compressedSize)
        guard !overflow, dataEnd <= bytes.count else {
            throw AltbuildError(.zipTruncated, "the data of \(central.name.quoted) (\(central.compressedSize) bytes) runs past the end of the file, which is cut off")
        }
        return Entry(central: central, span: header.start..<dataEnd)
    }
}
