/// A deck file as `ZipBytes`: read with `pread` a range at a time, except
/// for a few windows held in memory, the end of the file (where the end
/// records are looked for) and, once it is found, the central directory.
/// Those two windows are where a zip walk reads record after record; every
/// other read is a local header, one per entry.
struct ZipFileBytes: ZipBytes {
    let file: DeckFile
    private var windows: [Window] = []

    /// A range of the file read once and kept.
    private struct Window {
        let start: Int
        let bytes: [UInt8]

        func holds(_ range: Range<Int>) -> Bool {
            range.lowerBound >= start && range.upperBound <= start + bytes.count
        }
    }

    /// A central directory bigger than this is read record by record instead:
    /// real decks' directories are kilobytes, and a forged one must not make
    /// the reader hold most of a large file.
    static let maxWindowBytes = 16 << 20

    /// The file, with its last `ZipEndRecord.searchWindow` bytes read.
    init(_ file: DeckFile) throws {
        self.file = file
        let tail = max(0, file.size - ZipEndRecord.searchWindow)..<file.size
        windows = [Window(start: tail.lowerBound, bytes: try file.read(tail))]
    }

    var count: Int { file.size }

    func read(_ range: Range<Int>) throws -> ArraySlice<UInt8> {
        if let window = windows.first(where: { $0.holds(range) }) {
            return window.bytes[(range.lowerBound - window.start)..<(range.upperBound - window.start)]
        }
        return try file.read(range)[...]
    }

    func preloading(_ range: Range<Int>) throws -> ZipFileBytes {
        guard range.count <= Self.maxWindowBytes, !windows.contains(where: { $0.holds(range) }) else { return self }
        var copy = self
        copy.windows.append(Window(start: range.lowerBound, bytes: try file.read(range)))
        return copy
    }
}
