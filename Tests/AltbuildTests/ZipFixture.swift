import CZip
import Foundation

/// Writes zip archives for test fixtures with libzip, entry order as given.
enum ZipFixture {
    enum Method { case deflate, store }

    static func archive(_ entries: [(name: String, bytes: [UInt8])], method: Method = .deflate) -> [UInt8] {
        var error = zip_error_t()
        zip_error_init(&error)
        let source = zip_source_buffer_create(nil, 0, 0, &error)!
        zip_source_keep(source)
        let archive = zip_open_from_source(source, ZIP_TRUNCATE, &error)!
        for entry in entries {
            let data = malloc(max(entry.bytes.count, 1))!
            entry.bytes.withUnsafeBytes { raw in
                if let base = raw.baseAddress { data.copyMemory(from: base, byteCount: raw.count) }
            }
            let entrySource = zip_source_buffer(archive, data, zip_uint64_t(entry.bytes.count), 1)!
            let index = zip_file_add(archive, entry.name, entrySource, zip_flags_t(ZIP_FL_ENC_UTF_8))
            precondition(index >= 0, "zip_file_add \(entry.name)")
            zip_set_file_compression(archive, zip_uint64_t(index), method == .deflate ? ZIP_CM_DEFLATE : ZIP_CM_STORE, 0)
            // A fixed timestamp, so the same fixture always has the same bytes.
            zip_file_set_mtime(archive, zip_uint64_t(index), 1_700_000_000, 0)
        }
        precondition(zip_close(archive) == 0)
        var st = zip_stat_t()
        zip_stat_init(&st)
        zip_source_stat(source, &st)
        zip_source_open(source)
        var out = [UInt8](repeating: 0, count: Int(st.size))
        _ = out.withUnsafeMutableBytes { zip_source_read(source, $0.baseAddress, zip_uint64_t($0.count)) }
        zip_source_close(source)
        zip_source_free(source)
        return out
    }

    /// Entry names, uncompressed bytes, CRCs and compressed sizes, in archive order.
    struct Entry: Equatable {
        var name: String
        var bytes: [UInt8]
        var crc: UInt32
        var compressedSize: UInt64
        var method: UInt16
    }

    static func entries(of bytes: [UInt8]) -> [Entry] {
        var error = zip_error_t()
        zip_error_init(&error)
        let copy = malloc(bytes.count)!
        bytes.withUnsafeBytes { copy.copyMemory(from: $0.baseAddress!, byteCount: $0.count) }
        let source = zip_source_buffer_create(copy, zip_uint64_t(bytes.count), 1, &error)!
        let archive = zip_open_from_source(source, ZIP_RDONLY, &error)!
        defer { zip_discard(archive) }
        var result: [Entry] = []
        for i in 0..<zip_get_num_entries(archive, 0) {
            var st = zip_stat_t()
            zip_stat_index(archive, zip_uint64_t(i), 0, &st)
            let file = zip_fopen_index(archive, zip_uint64_t(i), 0)!
            var data = [UInt8](repeating: 0, count: Int(st.size))
            if st.size > 0 { _ = data.withUnsafeMutableBytes { zip_fread(file, $0.baseAddress, st.size) } }
            zip_fclose(file)
            result.append(Entry(name: String(cString: st.name), bytes: data, crc: st.crc,
                                compressedSize: st.comp_size, method: st.comp_method))
        }
        return result
    }
}

extension ZipFixture {
    /// libzip's message when it refuses `bytes` opened with its consistency
    /// checks (`ZIP_CHECKCONS`), the strictest reader at hand; nil if it opens.
    static func strictOpenError(_ bytes: [UInt8]) -> String? {
        var error = zip_error_t()
        zip_error_init(&error)
        defer { zip_error_fini(&error) }
        let copy = malloc(max(bytes.count, 1))!
        bytes.withUnsafeBytes { copy.copyMemory(from: $0.baseAddress!, byteCount: $0.count) }
        let source = zip_source_buffer_create(copy, zip_uint64_t(bytes.count), 1, &error)!
        guard let archive = zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error) else {
            zip_source_free(source)
            return String(cString: zip_error_strerror(&error))
        }
        zip_discard(archive)
        return nil
    }
}
