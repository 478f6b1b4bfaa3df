import AltbuildSupport
internal import CZip
#if canImport(Glibc)
import Glibc
#endif

/// One entry of a zip archive as its central directory declares it.
public struct ZipEntry: Sendable, Equatable {
    public let index: Int
    public let name: String
    public let uncompressedSize: Int
    public let compressedSize: Int
    public let crc: UInt32
    public let compressionMethod: Int32
    public let isEncrypted: Bool
}

/// A read-only zip archive over a deck, via libzip: a copy of its bytes in
/// memory, or the deck file, which libzip then reads lazily.
///
/// Working from memory means the bytes altbuild hashes are exactly the bytes it
/// parses, even if the file changes on disk meanwhile; working from the file
/// keeps a large deck out of memory, and `Deck.checkUnchanged` stands in for
/// that promise. Before libzip sees the bytes, `ZipDirectory` walks them and
/// refuses hostile layouts; libzip's view of the directory must then match
/// that walk entry for entry. Every declared size is checked against
/// `ReadLimits` on open, and every read is bounded again and its CRC checked,
/// because declared sizes and data can lie.
public final class ZipArchive {
    /// The libzip archive; only this class and its rewrite use it.
    let archive: OpaquePointer
    public let entries: [ZipEntry]
    private let entryIndex: [String: Int]
    private let limits: ReadLimits
    /// The buffer libzip's stream on a deck file reads through; freed after
    /// the archive, which closes the stream.
    private let streamBuffer: UnsafeMutableRawBufferPointer?

    public convenience init(bytes: [UInt8], limits: ReadLimits = .default) throws {
        let directory = try ZipDirectory(bytes, limits: limits)
        // libzip reads the archive from where its offsets count from.
        try self.init(directory, source: ZipSource.buffer(bytes[directory.end.base...]), streamBuffer: nil, limits: limits)
    }

    /// The archive in a deck file, read a window at a time by the walk and
    /// lazily by libzip, so the file is never held in memory whole.
    convenience init(file bytes: ZipFileBytes, limits: ReadLimits = .default) throws {
        let directory = try ZipDirectory(bytes, limits: limits)
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: ZipSource.streamBufferBytes, alignment: 16)
        let source: OpaquePointer
        do {
            source = try ZipSource.file(bytes.file, directory.end.base..<bytes.count, buffer: buffer)
        } catch {
            buffer.deallocate()
            throw error
        }
        try self.init(directory, source: source, streamBuffer: buffer, limits: limits)
    }

    /// Opens `source` and checks libzip finds what `directory` found. Takes
    /// over the source and the buffer its stream reads through.
    private init(_ directory: ZipDirectory, source: OpaquePointer, streamBuffer: UnsafeMutableRawBufferPointer?,
                 limits: ReadLimits) throws {
        self.limits = limits
        self.streamBuffer = streamBuffer
        var error = zip_error_t()
        zip_error_init(&error)
        defer { zip_error_fini(&error) }
        // No ZIP_CHECKCONS: ZipDirectory has made the checks that matter, and tolerates what real writers do.
        guard let opened = zip_open_from_source(source, ZIP_RDONLY, &error) else {
            zip_source_free(source)
            streamBuffer?.deallocate()
            throw AltbuildError(.zipCorrupt, "the zip archive is damaged: \(zipErrorText(&error))")
        }
        archive = opened
        do {
            entries = try ZipArchive.readDirectory(opened, matching: directory, limits: limits)
        } catch {
            zip_discard(opened)
            streamBuffer?.deallocate()
            throw error
        }
        var index: [String: Int] = [:]
        for entry in entries { index[entry.name] = entry.index }
        entryIndex = index
    }

    deinit {
        zip_discard(archive)
        streamBuffer?.deallocate()
    }

    public func entry(named name: String) -> ZipEntry? {
        entryIndex[name].map { entries[$0] }
    }

    public func contains(_ name: String) -> Bool { entryIndex[name] != nil }

    /// The uncompressed bytes of `name`, read with a bound of `limit` bytes
    /// whatever the directory claims.
    public func read(_ name: String, limit: Int? = nil) throws -> [UInt8] {
        guard let entry = entry(named: name) else {
            throw AltbuildError(.missingPart, "the package has no part \(name)")
        }
        let bound = min(limit ?? limits.maxEntryBytes, limits.maxEntryBytes)
        if entry.uncompressedSize > bound {
            throw AltbuildError(.zipBomb, "\(name) declares \(entry.uncompressedSize) bytes, over the limit of \(bound)")
        }
        guard let file = zip_fopen_index(archive, zip_uint64_t(entry.index), 0) else {
            throw AltbuildError(.zipCorrupt, "cannot open \(name): \(String(cString: zip_strerror(archive)))")
        }
        defer { zip_fclose(file) }
        let out = try Self.inflate(file, entry)
        try Self.checkEnd(of: file, entry, out)
        return out
    }

    /// The entry's declared number of bytes, or an error if the data ends sooner.
    private static func inflate(_ file: OpaquePointer, _ entry: ZipEntry) throws -> [UInt8] {
        var out = [UInt8](repeating: 0, count: entry.uncompressedSize)
        var done = 0
        while done < out.count {
            let n = out.withUnsafeMutableBytes { raw -> Int64 in
                guard let base = raw.baseAddress else { return 0 }
                return zip_fread(file, base + done, zip_uint64_t(raw.count - done))
            }
            if n < 0 {
                throw AltbuildError(.zipCorrupt, "cannot read \(entry.name): \(String(cString: zip_file_strerror(file)))")
            }
            if n == 0 { break }
            done += Int(n)
        }
        if done < out.count {
            throw AltbuildError(.zipTruncated, "\(entry.name) ends after \(done) of its \(out.count) bytes")
        }
        return out
    }

    /// Refuses data that goes on past its declared size, or whose CRC is not the declared one.
    private static func checkEnd(of file: OpaquePointer, _ entry: ZipEntry, _ data: [UInt8]) throws {
        // Reading past the end is also what makes libzip compare the CRC.
        var probe: UInt8 = 0
        let extra = zip_fread(file, &probe, 1)
        if extra > 0 {
            throw AltbuildError(.zipBomb, "\(entry.name) inflates past its declared size of \(entry.uncompressedSize) bytes")
        }
        if extra < 0 {
            throw AltbuildError(.zipCorrupt, "cannot read \(entry.name): \(String(cString: zip_file_strerror(file)))")
        }
        // libzip skips the comparison for an empty entry, so make it here too.
        let crc = data.withUnsafeBufferPointer { CRC32.checksum($0) }
        if crc != entry.crc {
            throw AltbuildError(.zipCorrupt, "\(entry.name) is damaged: its data has CRC \(CRC32.hex(crc)), the archive says \(CRC32.hex(entry.crc))")
        }
    }

    /// The entries as libzip reads them, which must be the entries `directory`
    /// found, each within the limits.
    private static func readDirectory(_ archive: OpaquePointer, matching directory: ZipDirectory, limits: ReadLimits) throws -> [ZipEntry] {
        let count = Int(zip_get_num_entries(archive, 0))
        guard count == directory.entries.count else {
            throw AltbuildError(.zipCorrupt, "libzip finds \(count) entries in the archive, the central directory lists \(directory.entries.count)")
        }
        var entries: [ZipEntry] = []
        entries.reserveCapacity(count)
        var total = 0
        for (i, expected) in directory.entries.enumerated() {
            let entry = try stat(archive, index: i, matching: expected.central)
            try check(entry, limits: limits)
            total += entry.uncompressedSize
            if total > limits.maxTotalBytes {
                throw AltbuildError(.zipBomb, "the entries declare more than \(limits.maxTotalBytes) bytes uncompressed in all")
            }
            entries.append(entry)
        }
        return entries
    }

    /// Entry `index` as libzip sees it. Its raw name is compared as libzip's C
    /// string, so a name with a NUL (which C code would cut short) cannot pass.
    private static func stat(_ archive: OpaquePointer, index: Int, matching expected: ZipCentralEntry) throws -> ZipEntry {
        var st = zip_stat_t()
        zip_stat_init(&st)
        guard zip_stat_index(archive, zip_uint64_t(index), 0, &st) == 0, let cName = st.name,
              let rawName = zip_get_name(archive, zip_uint64_t(index), zip_flags_t(ZIP_FL_ENC_RAW)) else {
            throw AltbuildError(.zipCorrupt, "entry \(index + 1) cannot be read: \(String(cString: zip_strerror(archive)))")
        }
        let entry = ZipEntry(
            index: index, name: String(cString: cName), uncompressedSize: Int(clamping: st.size),
            compressedSize: Int(clamping: st.comp_size), crc: st.crc, compressionMethod: Int32(st.comp_method),
            isEncrypted: st.encryption_method != UInt16(ZIP_EM_NONE))
        let libzipName = ZipEntryName(raw: Array(UnsafeBufferPointer(start: rawName, count: strlen(rawName)).map { UInt8(bitPattern: $0) }))
        guard libzipName == expected.name, entry.uncompressedSize == expected.uncompressedSize,
              entry.compressedSize == expected.compressedSize, entry.crc == expected.crc else {
            throw AltbuildError(.zipCorrupt, "libzip reads entry \(index + 1) as \(libzipName.quoted) (\(entry.compressedSize) bytes), the central directory says \(expected.name.quoted) (\(expected.compressedSize) bytes)")
        }
        return entry
    }

    private static func check(_ entry: ZipEntry, limits: ReadLimits) throws {
        let name = entry.name, size = entry.uncompressedSize, compressed = entry.compressedSize
        if size > limits.maxEntryBytes {
            throw AltbuildError(.zipBomb, "\(name) declares \(size) bytes uncompressed, over the limit of \(limits.maxEntryBytes)")
        }
        if size >= limits.ratioCheckMinBytes && size / max(compressed, 1) > limits.maxCompressionRatio {
            throw AltbuildError(.zipBomb, "\(name) inflates \(size / max(compressed, 1)):1 (\(compressed) to \(size) bytes), over the limit of \(limits.maxCompressionRatio):1")
        }
    }
}

func zipErrorText(_ error: UnsafeMutablePointer<zip_error_t>) -> String {
    String(cString: zip_error_strerror(error))
}

