/// Extra fields: a run of (id, length, data) records.
enum ZipExtraFields {
    /// The data of the first field with `id`; a malformed run ends the search.
    static func value(id: Int, in extra: [UInt8]) -> [UInt8]? {
        var at = 0
        while let header = ZipRecord(extra, at: at, length: 4) {
            let length = header.u16(2)
            guard let data = extra.zipField(at: header.end, length: length) else { return nil }
            if header.u16(0) == id { return Array(data) }
            at = header.end + length
        }
        return nil
    }
}
