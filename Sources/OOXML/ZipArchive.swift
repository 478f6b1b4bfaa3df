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

/// A read-only zip archive over an in-memory copy of a deck, via libzip.
///
/// Working from memory means the bytes altbuild hashes are exactly the bytes it
/// parses, even if the file changes on disk meanwhile. Every declared size is
/// checked against `ReadLimits` on open, and every read is bounded again,
/// because declared sizes can lie.
public final class ZipArchive {
    private let buffer: UnsafeMutableRawBufferPointer
    private let archive: OpaquePointer
    public let entries: [ZipEntry]
    private let entryIndex: [String: Int]
    private let limits: ReadLimits

    public init(bytes: [UInt8], limits: ReadLimits = .default) throws {
        self.limits = limits
        let storage = UnsafeMutableRawBufferPointer.allocate(byteCount: max(bytes.count, 1), alignment: 16)
        bytes.withUnsafeBytes { storage.copyMemory(from: $0) }
        buffer = storage
        var error = zip_error_t()
        zip_error_init(&error)
        defer { zip_error_fini(&error) }
        guard let source = zip_source_buffer_create(buffer.baseAddress, zip_uint64_t(bytes.count), 0, &error) else {
            buffer.deallocate()
            throw AltbuildError(.internalError, "libzip could not create a source: \(zipErrorText(&error))")
        }
        guard let opened = zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error) else {
            zip_source_free(source)
            buffer.deallocate()
            throw ZipArchive.openError(code: zip_error_code_zip(&error), text: zipErrorText(&error), bytes: bytes)
        }
        archive = opened
        do {
            entries = try ZipArchive.readDirectory(opened, limits: limits)
        } catch {
            zip_discard(opened)
            buffer.deallocate()
            throw error
        }
        var index: [String: Int] = [:]
        for entry in entries { index[entry.name] = entry.index }
        entryIndex = index
    }

    deinit {
        zip_discard(archive)
        buffer.deallocate()
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
        var out = [UInt8](repeating: 0, count: entry.uncompressedSize)
        var done = 0
        while done < out.count {
            let n = out.withUnsafeMutableBytes { raw -> Int64 in
                guard let base = raw.baseAddress else { return 0 }
                return zip_fread(file, base + done, zip_uint64_t(raw.count - done))
            }
            if n < 0 {
                throw AltbuildError(.zipCorrupt, "cannot read \(name): \(String(cString: zip_file_strerror(file)))")
            }
            if n == 0 { break }
            done += Int(n)
        }
        if done < out.count {
            throw AltbuildError(.zipTruncated, "\(name) ends after \(done) of its \(out.count) bytes")
        }
        // A stream that goes on past its declared size is lying about it.
        var probe: UInt8 = 0
        if zip_fread(file, &probe, 1) > 0 {
            throw AltbuildError(.zipBomb, "\(name) inflates past its declared size of \(entry.uncompressedSize) bytes")
        }
        return out
    }

    private static func readDirectory(_ archive: OpaquePointer, limits: ReadLimits) throws -> [ZipEntry] {
        let count = Int(zip_get_num_entries(archive, 0))
        if count > limits.maxEntries {
            throw AltbuildError(.zipTooManyEntries, "the archive has \(count) entries, over the limit of \(limits.maxEntries)")
        }
        var entries: [ZipEntry] = []
        entries.reserveCapacity(count)
        var total = 0
        for i in 0..<count {
            var st = zip_stat_t()
            zip_stat_init(&st)
            guard zip_stat_index(archive, zip_uint64_t(i), 0, &st) == 0, let cName = st.name else {
                throw AltbuildError(.zipCorrupt, "entry \(i) cannot be read: \(String(cString: zip_strerror(archive)))")
            }
            let name = String(cString: cName)
            let size = Int(clamping: st.size)
            let compressed = Int(clamping: st.comp_size)
            if size > limits.maxEntryBytes {
                throw AltbuildError(.zipBomb, "\(name) declares \(size) bytes uncompressed, over the limit of \(limits.maxEntryBytes)")
            }
            if size >= limits.ratioCheckMinBytes && size / max(compressed, 1) > limits.maxCompressionRatio {
                throw AltbuildError(.zipBomb, "\(name) inflates \(size / max(compressed, 1)):1 (\(compressed) to \(size) bytes), over the limit of \(limits.maxCompressionRatio):1")
            }
            total += size
            if total > limits.maxTotalBytes {
                throw AltbuildError(.zipBomb, "the entries declare more than \(limits.maxTotalBytes) bytes uncompressed in all")
            }
            entries.append(ZipEntry(
                index: i, name: name, uncompressedSize: size, compressedSize: compressed,
                crc: st.crc, compressionMethod: Int32(st.comp_method),
                isEncrypted: st.encryption_method != UInt16(ZIP_EM_NONE)))
        }
        return entries
    }

    /// Turns libzip's open failure into the most specific error we can name.
    private static func openError(code: Int32, text: String, bytes: [UInt8]) -> AltbuildError {
        if ContainerSniffer.looksLikeZip(bytes) {
            if !ContainerSniffer.hasEndOfCentralDirectory(bytes) || code == ZIP_ER_EOF || code == ZIP_ER_READ {
                return AltbuildError(.zipTruncated, "the zip archive is truncated (its central directory is missing or cut off): \(text)")
            }
            return AltbuildError(.zipCorrupt, "the zip archive is damaged: \(text)")
        }
        return AltbuildError(.notZip, "not a zip archive (\(text))")
    }
}

func zipErrorText(_ error: UnsafeMutablePointer<zip_error_t>) -> String {
    String(cString: zip_error_strerror(error))
}
