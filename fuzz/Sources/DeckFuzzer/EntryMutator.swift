import AltbuildSupport
import CFuzzerHooks
import OOXML

/// A structure-aware mutator: unpacks a deck, mutates one part's bytes (or,
/// now and then, one part's name) with libFuzzer's mutators, and packs it
/// again as a stored zip with correct CRCs, so the mutation reaches the XML
/// parser and the slide scanner instead of being refused as a corrupt entry.
enum EntryMutator {
    static func mutate(_ data: UnsafeMutablePointer<UInt8>, size: Int, maxSize: Int, seed: UInt32) -> Int {
        var random = SplitMix64(seed: UInt64(seed))
        // Raw byte mutations exercise the container itself: headers, directory, sizes.
        guard random.next() % 2 == 0,
              var entries = readEntries(Array(UnsafeBufferPointer(start: data, count: size))),
              !entries.isEmpty else {
            return LLVMFuzzerMutate(data, size, maxSize)
        }
        let parts = entries.indices.filter { entries[$0].name.hasSuffix(".xml") || entries[$0].name.hasSuffix(".rels") }
        let pool = parts.isEmpty ? Array(entries.indices) : parts
        let chosen = pool[Int(random.next() % UInt64(pool.count))]
        switch random.next() % 8 {
        case 0:
            entries[chosen].name = String(decoding: mutated(Array(entries[chosen].name.utf8)), as: UTF8.self)
        case 1, 2:
            entries[chosen].bytes = withExtremeNumber(entries[chosen].bytes, random: &random)
        default:
            entries[chosen].bytes = mutated(entries[chosen].bytes)
        }
        guard let output = StoredZip.archive(entries), output.count <= maxSize else {
            return LLVMFuzzerMutate(data, size, maxSize)
        }
        output.withUnsafeBufferPointer { buffer in
            if let base = buffer.baseAddress { data.update(from: base, count: buffer.count) }
        }
        return output.count
    }

    /// `bytes` after one round of libFuzzer's mutators, with room to grow.
    private static func mutated(_ bytes: [UInt8]) -> [UInt8] {
        let room = bytes.count * 2 + 256
        var buffer = bytes + [UInt8](repeating: 0, count: room - bytes.count)
        let count = buffer.withUnsafeMutableBufferPointer { raw -> Int in
            guard let base = raw.baseAddress else { return 0 }
            return LLVMFuzzerMutate(base, bytes.count, room)
        }
        return Array(buffer.prefix(count))
    }

    /// Values at the edges of the integer types the reader parses numbers into.
    private static let extremes = [
        "9223372036854775807", "-9223372036854775808", "9223372036854775808", "4294967296",
        "2147483647", "-2147483648", "-1", "0", "99999999999", "1e308", "nan",
    ].map { Array($0.utf8) }

    /// `bytes` with one run of decimal digits (EMU offsets and sizes, point
    /// indexes and counts) replaced by an extreme value: byte-level mutations
    /// almost never turn "548640" into a number that overflows.
    private static func withExtremeNumber(_ bytes: [UInt8], random: inout SplitMix64) -> [UInt8] {
        var runs: [Range<Int>] = []
        var index = 0
        while index < bytes.count {
            guard (0x30...0x39).contains(bytes[index]) else { index += 1; continue }
            let start = index > 0 && bytes[index - 1] == UInt8(ascii: "-") ? index - 1 : index
            while index < bytes.count && (0x30...0x39).contains(bytes[index]) { index += 1 }
            runs.append(start..<index)
        }
        guard !runs.isEmpty else { return mutated(bytes) }
        var result = bytes
        let run = runs[Int(random.next() % UInt64(runs.count))]
        result.replaceSubrange(run, with: extremes[Int(random.next() % UInt64(extremes.count))])
        return result
    }

    /// The entries of a readable archive, or nil: an input libzip cannot read
    /// is left to the raw mutators, which is what they are for.
    private static func readEntries(_ bytes: [UInt8]) -> [StoredZip.Entry]? {
        guard bytes.starts(with: [0x50, 0x4B]) else { return nil }
        do {
            let archive = try ZipArchive(bytes: bytes, limits: DeckRoundTrip.limits)
            return try archive.entries.map { StoredZip.Entry(name: $0.name, bytes: try archive.read($0.name)) }
        } catch {
            return nil
        }
    }
}

/// A small, seedable generator, so that a mutation is reproducible from libFuzzer's seed.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
