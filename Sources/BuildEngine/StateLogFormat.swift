import AltbuildSupport

/// The state log's versioning, and how a log this altbuild cannot use is
/// recognised. Such a log is never read as empty in silence: that would
/// rebuild everything without a word, and a newer altbuild's log would be
/// overwritten. It is reported and set aside instead.
enum StateLogFormat {
    /// The newest format this altbuild reads and the one it writes.
    static let version = 1
    static let headerPrefix = "# altbuild state v"
    static var header: String { headerPrefix + "\(version)\n" }

    /// What is wrong with a log's bytes, or nil when they can be used. Only
    /// the first line is judged: the header, or in a log from before there
    /// was one, a checksummed line. A torn last line is normal after a crash
    /// and is not a problem; a lone torn header is an empty log.
    static func problem(in bytes: [UInt8]) -> String? {
        guard !bytes.isEmpty else { return nil }
        guard let newline = bytes.firstIndex(of: 0x0A) else {
            return header.utf8.starts(with: bytes) ? nil : "holds no complete line and is not an altbuild state log"
        }
        let first = bytes[..<newline]
        guard first.starts(with: headerPrefix.utf8) else {
            return hasValidChecksum(Array(first)) ? nil : "is not an altbuild state log (its first line is neither a header nor a checksummed line)"
        }
        guard let found = Int(String(decoding: first.dropFirst(headerPrefix.utf8.count), as: UTF8.self)), found > 0 else {
            return "has a header this altbuild does not understand"
        }
        return found > version ? "was written by a newer altbuild (format v\(found); this one reads up to v\(version))" : nil
    }

    /// Whether `line` ends in a tab and the CRC-32 of what precedes it, as
    /// every record and configuration line does.
    private static func hasValidChecksum(_ line: [UInt8]) -> Bool {
        guard line.count > 9, line[line.count - 9] == 0x09 else { return false }
        let expected = String(decoding: line.suffix(8), as: UTF8.self)
        return line.withUnsafeBufferPointer { CRC32.hex(UnsafeBufferPointer(rebasing: $0.prefix(line.count - 9))) } == expected
    }

    /// Where an unusable log at `path` is kept: `state.log.broken-<UTC time>`
    /// beside it, with a counter if that name is taken.
    static func setAsidePath(for path: String) -> String {
        let now = utcTimeDigits()
        let stamp = now.date + "T" + now.time + "Z"
        var candidate = path + ".broken-" + stamp
        var counter = 1
        while FileIO.exists(candidate) {
            counter += 1
            candidate = path + ".broken-" + stamp + "-\(counter)"
        }
        return candidate
    }
}
