/// The bytes zip records are read from: a deck held in memory, or a deck
/// file read a window at a time (`ZipFileBytes`).
///
/// The zip walk (`ZipDirectory` and the records it reads) is written once
/// against this, so a deck read from a file meets exactly the checks and
/// messages of a deck in memory. Reads can fail only for a file, which is
/// why they throw.
protocol ZipBytes {
    /// How many bytes there are; positions run from 0 to `count`.
    var count: Int { get }

    /// The bytes in `range`, which the caller has checked lies within `0..<count`.
    /// The slice's indices are its own: index it from its `startIndex`.
    func read(_ range: Range<Int>) throws -> ArraySlice<UInt8>

    /// The same bytes, with `range` (within `0..<count`) held in memory from
    /// now on when it is worth holding: the central directory, read record by
    /// record once it is found.
    func preloading(_ range: Range<Int>) throws -> Self
}

extension ZipBytes {
    /// The `length` bytes at `start`, or nil if they run past the end.
    func field(at start: Int, length: Int) throws -> ArraySlice<UInt8>? {
        guard hasField(at: start, length: length) else { return nil }
        return try read(start..<(start + length))
    }

    /// Whether the `length` bytes at `start` lie within the bytes, without reading them.
    func hasField(at start: Int, length: Int) -> Bool {
        start >= 0 && length >= 0 && start <= count - length
    }
}

extension Array: ZipBytes where Element == UInt8 {
    func read(_ range: Range<Int>) -> ArraySlice<UInt8> { self[range] }

    /// Already in memory.
    func preloading(_ range: Range<Int>) -> [UInt8] { self }
}
