#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The review states in a review file as the build writes it, read from its
/// bytes without decoding JSON.
///
/// The build always leaves a review file in one form (`ReviewFile.encoded`:
/// pretty-printed, keys sorted), and rewrites any other form, so in a file
/// of a deck that is up to date every entry has exactly one line
/// `"state" : "…",`, and a stale entry has `"stale" : true`. A quote inside
/// a text is escaped (`\"`), so no text can look like either. Anything
/// unexpected (a stale entry, an unknown state, another layout) gives nil,
/// and the caller decodes the file instead.
struct CanonicalStates {
    private var states: [ReviewState] = []

    init?(_ bytes: [UInt8]) {
        let stateKey = Array(#""state" : ""#.utf8)
        let staleKey = Array(#""stale" : true"#.utf8)
        guard Self.range(of: staleKey, in: bytes, from: 0) == nil,
              Self.range(of: Array(#""slots" : ["#.utf8), in: bytes, from: 0) != nil else { return nil }
        var position = 0
        while let found = Self.range(of: stateKey, in: bytes, from: position) {
            guard let close = bytes[found.upperBound...].firstIndex(of: UInt8(ascii: "\"")),
                  let state = ReviewState(rawValue: String(decoding: bytes[found.upperBound..<close], as: UTF8.self)) else { return nil }
            states.append(state)
            position = close
        }
        // Every entry has a kind: as many kinds as states, or this is not the build's layout.
        var kinds = 0
        position = 0
        let kindKey = Array(#""kind" : ""#.utf8)
        while let found = Self.range(of: kindKey, in: bytes, from: position) {
            kinds += 1
            position = found.upperBound
        }
        guard kinds == states.count else { return nil }
    }

    var isEmpty: Bool { states.isEmpty }

    func allSatisfy(_ predicate: (ReviewState) -> Bool) -> Bool { states.allSatisfy(predicate) }

    /// `memchr` to each candidate, then `memcmp`: the files are scanned on every
    /// `check`, so the search is libc's (glibc's `memmem` is not exported to Swift).
    private static func range(of needle: [UInt8], in bytes: [UInt8], from start: Int) -> Range<Int>? {
        guard let first = needle.first, start + needle.count <= bytes.count else { return nil }
        let offset: Int? = bytes.withUnsafeBytes { haystack in
            needle.withUnsafeBytes { pattern in
                guard let base = haystack.baseAddress, let key = pattern.baseAddress else { return nil }
                var position = start
                let last = haystack.count - pattern.count
                while position <= last, let hit = memchr(base + position, Int32(first), last - position + 1) {
                    let at = base.distance(to: UnsafeRawPointer(hit))
                    if memcmp(base + at, key, pattern.count) == 0 { return at }
                    position = at + 1
                }
                return nil
            }
        }
        return offset.map { $0..<$0 + needle.count }
    }
}
