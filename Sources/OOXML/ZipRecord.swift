/// A fixed-size zip record (a header or an end record) known to lie wholly
/// inside the deck's bytes, so its little-endian fields can be read without
/// checking each one: the one bounds check happens when the record is made.
struct ZipRecord {
    /// The record's own bytes, indexed from their `startIndex`.
    private let bytes: ArraySlice<UInt8>
    let start: Int
    let length: Int

    /// The record of `length` bytes at `start`, or nil if it would run past the end.
    init?(_ bytes: [UInt8], at start: Int, length: Int) {
        guard let fields = bytes.zipField(at: start, length: length) else { return nil }
        self.init(fields, at: start)
    }

    /// The same, read from a deck's bytes, which may be a file.
    init?(reading source: some ZipBytes, at start: Int, length: Int) throws {
        guard let fields = try source.field(at: start, length: length) else { return nil }
        self.init(fields, at: start)
    }

    private init(_ fields: ArraySlice<UInt8>, at start: Int) {
        bytes = fields
        self.start = start
        length = fields.count
    }

    var end: Int { start + length }

    func u16(_ offset: Int) -> Int { value(offset, width: 2) }
    func u32(_ offset: Int) -> Int { value(offset, width: 4) }
    /// Zip64 fields are unsigned 64-bit; values past `Int.max` come back as `Int.max`,
    /// which no limit or bounds check lets through.
    func u64(_ offset: Int) -> Int { value(offset, width: 8) }

    private func value(_ offset: Int, width: Int) -> Int {
        precondition(offset >= 0 && offset + width <= length, "field outside its record")
        var result: UInt64 = 0
        let first = bytes.startIndex + offset
        for i in (0..<width).reversed() { result = result << 8 | UInt64(bytes[first + i]) }
        return Int(clamping: result)
    }
}

extension Array where Element == UInt8 {
    /// The `length` bytes at `start`, or nil if they run past the end.
    func zipField(at start: Int, length: Int) -> ArraySlice<UInt8>? {
        guard hasField(at: start, length: length) else { return nil }
        return self[start..<(start + length)]
    }
}
