import AltbuildSupport
internal import CZip
#if canImport(Glibc)
import Glibc
#endif

/// Applies ALT-text edits to a deck and produces the new deck's bytes.
///
/// Only the slide parts with edits are parsed and re-serialized. Every other
/// entry is copied by libzip as stored, without recompressing, so it stays
/// byte-identical, and the entry order is kept.
public enum DeckRewriter {
    public static func rewrite(_ deck: Deck, edits: [AltTextEdit]) throws -> [UInt8] {
        do {
            var byPart: [String: [AltTextEdit]] = [:]
            for edit in edits { byPart[edit.part, default: []].append(edit) }
            var replacements: [(name: String, bytes: [UInt8])] = []
            for part in byPart.keys.sorted() {
                guard let partEdits = byPart[part], let number = deck.slideParts.firstIndex(of: part) else {
                    throw AltbuildError(.missingPart, "cannot edit \(part): it is not a slide of this deck")
                }
                let document = try deck.package.xml(part)
                let scan = try SlideScanner(package: deck.package, part: part, slideNumber: number + 1, document: document, hashMedia: false).scan()
                for edit in partEdits {
                    guard edit.ordinal >= 0 && edit.ordinal < scan.slots.count else {
                        throw AltbuildError(.internalError, "\(part) has no slot \(edit.ordinal)")
                    }
                    let cNvPr = scan.slots[edit.ordinal].cNvPr
                    if let descr = edit.descr { cNvPr.setAttribute("descr", xmlSafeText(descr)) }
                    if edit.markDecorative { DecorativeFlag.set(on: cNvPr) }
                }
                replacements.append((part, document.serialize()))
            }
            return try ZipRewrite.replacing(replacements, in: deck.bytes)
        } catch let error as AltbuildError {
            throw error.at(deck.path)
        }
    }
}

/// libzip's in-memory rewrite: open the archive over a buffer source, replace
/// entries, close (libzip writes the new archive into the source), read it out.
enum ZipRewrite {
    static func replacing(_ replacements: [(name: String, bytes: [UInt8])], in original: [UInt8]) throws -> [UInt8] {
        if replacements.isEmpty { return original }
        var error = zip_error_t()
        zip_error_init(&error)
        defer { zip_error_fini(&error) }
        // The source owns a malloc'd copy (freep = 1) because libzip replaces its content on close.
        guard let copy = malloc(max(original.count, 1)) else { throw AltbuildError(.internalError, "out of memory") }
        original.withUnsafeBytes { raw in
            if let base = raw.baseAddress { copy.copyMemory(from: base, byteCount: raw.count) }
        }
        guard let source = zip_source_buffer_create(copy, zip_uint64_t(original.count), 1, &error) else {
            free(copy)
            throw AltbuildError(.internalError, "libzip: \(zipErrorText(&error))")
        }
        defer { zip_source_free(source) }
        zip_source_keep(source)
        guard let archive = zip_open_from_source(source, 0, &error) else {
            throw AltbuildError(.zipCorrupt, "cannot reopen the archive for writing: \(zipErrorText(&error))")
        }
        for (name, bytes) in replacements {
            let index = zip_name_locate(archive, name, 0)
            guard index >= 0, let data = malloc(max(bytes.count, 1)) else {
                zip_discard(archive)
                throw AltbuildError(.internalError, "cannot replace \(name)")
            }
            bytes.withUnsafeBytes { raw in
                if let base = raw.baseAddress { data.copyMemory(from: base, byteCount: raw.count) }
            }
            guard let entrySource = zip_source_buffer(archive, data, zip_uint64_t(bytes.count), 1) else {
                free(data)
                zip_discard(archive)
                throw AltbuildError(.internalError, "libzip: \(String(cString: zip_strerror(archive)))")
            }
            // Keep the entry's timestamp so the same inputs give the same output bytes.
            var original = zip_stat_t()
            zip_stat_init(&original)
            let hasTime = zip_stat_index(archive, zip_uint64_t(index), 0, &original) == 0
                && (original.valid & zip_uint64_t(ZIP_STAT_MTIME)) != 0
            if zip_file_replace(archive, zip_uint64_t(index), entrySource, 0) != 0 {
                zip_source_free(entrySource)
                zip_discard(archive)
                throw AltbuildError(.internalError, "libzip: \(String(cString: zip_strerror(archive)))")
            }
            zip_set_file_compression(archive, zip_uint64_t(index), ZIP_CM_DEFLATE, 0)
            if hasTime { zip_file_set_mtime(archive, zip_uint64_t(index), original.mtime, 0) }
        }
        if zip_close(archive) != 0 {
            let text = String(cString: zip_strerror(archive))
            zip_discard(archive)
            throw AltbuildError(.writeFailed, "libzip could not write the new archive: \(text)")
        }
        return try readAll(source)
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
