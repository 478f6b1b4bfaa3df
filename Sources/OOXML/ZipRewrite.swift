import AltbuildSupport
internal import CZip
#if canImport(Glibc)
import Glibc
#endif

extension ZipArchive {
    /// A new archive with the same entries in the same order: those in
    /// `replacements` deflated afresh from the new bytes, every other one
    /// copied as stored (compressed data, CRC, method, timestamp and
    /// attributes), never inflated or recompressed; then `additions`, new
    /// entries, in the order given.
    ///
    /// A new archive rather than libzip's update in place, because over a
    /// buffer libzip keeps the original's leading bytes verbatim and rewrites
    /// only the central directory, re-encoding each DOS timestamp on the way:
    /// an invalid one (date 0) came back as 1980-11-30, and the kept local
    /// headers no longer matched the central directory. Writing every header
    /// afresh also drops what readers tolerate but need not see again: bytes
    /// around the archive, padding extra fields, data descriptors.
    func rewritten(replacing replacements: [String: [UInt8]], adding additions: [(name: String, bytes: [UInt8])] = []) throws -> [UInt8] {
        var error = zip_error_t()
        zip_error_init(&error)
        defer { zip_error_fini(&error) }
        guard let target = zip_source_buffer_create(nil, 0, 0, &error) else {
            throw AltbuildError(.internalError, "libzip: \(zipErrorText(&error))")
        }
        // Kept past zip_close, which writes the new archive into it.
        zip_source_keep(target)
        defer { zip_source_free(target) }
        guard let output = zip_open_from_source(target, ZIP_TRUNCATE, &error) else {
            throw AltbuildError(.internalError, "libzip cannot start a new archive: \(zipErrorText(&error))")
        }
        try write(into: output, replacing: replacements, adding: additions)
        return try Self.readAll(target)
    }

    /// The same archive, written into `descriptor`, an empty file open for
    /// writing (`path` names it in messages), rather than into memory.
    /// Entries copied as stored stream through a buffer at a time, so a large
    /// media entry is never held in memory. The bytes are those `rewritten`
    /// returns.
    func rewrite(into descriptor: Int32, path: String, replacing replacements: [String: [UInt8]],
                 adding additions: [(name: String, bytes: [UInt8])] = []) throws {
        let target = try ZipFileTarget.source(writingTo: descriptor, path: path)
        var error = zip_error_t()
        zip_error_init(&error)
        defer { zip_error_fini(&error) }
        guard let output = zip_open_from_source(target, ZIP_TRUNCATE, &error) else {
            zip_source_free(target)
            throw AltbuildError(.internalError, "libzip cannot start a new archive: \(zipErrorText(&error))", path: path)
        }
        do {
            try write(into: output, replacing: replacements, adding: additions)
        } catch let error as AltbuildError {
            throw error.at(path)
        }
    }

    /// Fills `output` with the entries and closes it, which writes it; on failure it is discarded.
    private func write(into output: OpaquePointer, replacing replacements: [String: [UInt8]],
                       adding additions: [(name: String, bytes: [UInt8])]) throws {
        do {
            for entry in entries { try copy(entry, replacement: replacements[entry.name], into: output) }
            for addition in additions { try add(addition.name, addition.bytes, into: output) }
        } catch {
            zip_discard(output)
            throw error
        }
        if zip_close(output) != 0 {
            let text = String(cString: zip_strerror(output))
            zip_discard(output)
            throw AltbuildError(.writeFailed, "libzip could not write the new archive: \(text)")
        }
    }

    /// Adds `entry` to `output`, from `replacement` if there is one, else raw from this archive.
    private func copy(_ entry: ZipEntry, replacement: [UInt8]?, into output: OpaquePointer) throws {
        let source = if let replacement {
            try ZipSource.buffer(replacement[...])
        } else {
            zip_source_zip(output, archive, zip_uint64_t(entry.index), zip_flags_t(ZIP_FL_COMPRESSED), 0, -1)
        }
        guard let source else { throw failure(output, "cannot copy \(entry.name)") }
        let index = zip_file_add(output, entry.name, source, zip_flags_t(ZIP_FL_ENC_UTF_8))
        guard index >= 0 else {
            zip_source_free(source)
            throw failure(output, "cannot add \(entry.name)")
        }
        let added = zip_uint64_t(index)
        // The same method as the source data, so libzip copies it rather than recompressing it.
        let method = replacement == nil ? entry.compressionMethod : ZIP_CM_DEFLATE
        guard zip_set_file_compression(output, added, method, 0) == 0 else {
            throw failure(output, "cannot keep \(entry.name)'s compression method \(method)")
        }
        try copyMetadata(of: entry, to: added, in: output)
    }

    /// A new entry, deflated, stamped with the archive's first entry's time so
    /// the same inputs still give the same bytes.
    private func add(_ name: String, _ bytes: [UInt8], into output: OpaquePointer) throws {
        let source = try ZipSource.buffer(bytes[...])
        let index = zip_file_add(output, name, source, zip_flags_t(ZIP_FL_ENC_UTF_8))
        guard index >= 0 else {
            zip_source_free(source)
            throw failure(output, "cannot add \(name)")
        }
        let added = zip_uint64_t(index)
        guard zip_set_file_compression(output, added, ZIP_CM_DEFLATE, 0) == 0 else {
            throw failure(output, "cannot deflate \(name)")
        }
        var st = zip_stat_t()
        zip_stat_init(&st)
        let time = entries.first.flatMap { first in
            zip_stat_index(archive, zip_uint64_t(first.index), 0, &st) == 0 && (st.valid & zip_uint64_t(ZIP_STAT_MTIME)) != 0 ? st.mtime : nil
        } ?? 315_532_800  // 1980-01-01, the first time a zip can hold
        guard zip_file_set_mtime(output, added, time, 0) == 0 else { throw failure(output, "cannot set \(name)'s timestamp") }
    }

    /// The entry's timestamp and attributes, so the same inputs give the same output bytes.
    private func copyMetadata(of entry: ZipEntry, to added: zip_uint64_t, in output: OpaquePointer) throws {
        var st = zip_stat_t()
        zip_stat_init(&st)
        var system: zip_uint8_t = 0
        var attributes: zip_uint32_t = 0
        let source = zip_uint64_t(entry.index)
        guard zip_stat_index(archive, source, 0, &st) == 0,
              zip_file_get_external_attributes(archive, source, 0, &system, &attributes) == 0 else {
            throw failure(archive, "cannot read \(entry.name)'s timestamp and attributes")
        }
        let hasTime = (st.valid & zip_uint64_t(ZIP_STAT_MTIME)) != 0
        guard !hasTime || zip_file_set_mtime(output, added, st.mtime, 0) == 0,
              zip_file_set_external_attributes(output, added, 0, system, attributes) == 0 else {
            throw failure(output, "cannot set \(entry.name)'s timestamp and attributes")
        }
    }

    private func failure(_ archive: OpaquePointer, _ what: String) -> AltbuildError {
        AltbuildError(.internalError, "\(what): \(String(cString: zip_strerror(archive)))")
    }

    private static func readAll(_ source: OpaquePointer) throws -> [UInt8] {
        var st = zip_stat_t()
        zip_stat_init(&st)
        guard zip_source_stat(source, &st) == 0, zip_source_open(source) == 0 else {
            throw AltbuildError(.internalError, "cannot read back the rewritten archive")
        }
        defer { zip_source_close(source) }
        var out = [UInt8](repeating: 0, count: Int(st.size))
        var done = 0
        while done < out.count {
            let n = out.withUnsafeMutableBytes { raw -> Int64 in
                guard let base = raw.baseAddress else { return 0 }
                return zip_source_read(source, base + done, zip_uint64_t(raw.count - done))
            }
            if n <= 0 { break }
            done += Int(n)
        }
        guard done == out.count else { throw AltbuildError(.internalError, "short read of the rewritten archive") }
        return out
    }
}
