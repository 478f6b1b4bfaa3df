import AltbuildSupport

/// Refuses entries that share bytes. In a sound archive each entry owns its
/// local header and data, and they lie before the central directory. When
/// several central entries point into the same data (the "better zip bomb"
/// layout), a few kilobytes inflate once per entry; a forged directory can
/// also make one part's bytes read as another's.
enum ZipOverlap {
    static func check(_ entries: [ZipDirectory.Entry], directoryStart: Int) throws {
        let ordered = entries.sorted { $0.span.lowerBound < $1.span.lowerBound }
        for (earlier, later) in zip(ordered, ordered.dropFirst()) where later.span.lowerBound < earlier.span.upperBound {
            throw AltbuildError(.zipOverlap, "\(later.name.quoted) starts at byte \(later.span.lowerBound), inside \(earlier.name.quoted) (bytes \(earlier.span.lowerBound)–\(earlier.span.upperBound - 1)); entries must not share bytes")
        }
        if let last = ordered.last, last.span.upperBound > directoryStart {
            throw AltbuildError(.zipOverlap, "the data of \(last.name.quoted) runs into the central directory (it ends at byte \(last.span.upperBound), the directory starts at \(directoryStart))")
        }
    }
}
