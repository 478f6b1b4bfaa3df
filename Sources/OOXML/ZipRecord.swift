/// A fixed-size zip record (a header or an end record) known to lie wholly
/// inside the deck's bytes, so its little-endian fields can be read without
/// checking each one: the one bounds check happens when the record is made.
struct ZipRecord {
    private let bytes: [UInt8]
    let start: Int
    let length: Int

    /// The record of `length` bytes at `start`, or nil if it would run past the end.
    init?(_ bytes: [UInt8], at start: Int, length: Int) {
        guard start >= 0, length >= 0, start <= bytes.count - length else { return nil }
        self.bytes = bytes
        self.start = start
        self.length = length
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
        for i in (0..<width).reversed() { result = result << 8 | UInt64(bytes[start + offset + i]) }
        return Int(clamping: result)
    }
}

extension Array where Element == UInt8 {
    /// The `length` bytes at `start`, or nil if they run past the end.
    func zipField(at start: Int, length: Int) -> ArraySlice<UInt8>? {
        guard start >= 0, length >= 0, start <= count - length else { return nil }
        return self[start..<(start + length)]
    }
}
