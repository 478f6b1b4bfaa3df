import AltbuildSupport

/// Records the fingerprint of the output-affecting configuration in a file
/// whose modification time marks when that configuration took effect.
///
/// make's rule "the output is newer than its inputs" then covers configuration
/// too: the stamp is one more input of every target, rewritten only when the
/// fingerprint changes. (The content-addressed engine replaces this with
/// per-target action keys.)
public struct ConfigStamp: Sendable {
    public let path: String

    public init(path: String) { self.path = path }

    /// Updates the stamp if `fingerprint` differs from the recorded one and
    /// returns its modification time.
    @discardableResult
    public func update(fingerprint: String) throws -> Int64 {
        let recorded = (try? FileIO.read(path, limit: 4096)).map { String(decoding: $0, as: UTF8.self) }
        if recorded != fingerprint + "\n" {
            try FileIO.writeAtomically(Array((fingerprint + "\n").utf8), to: path)
        }
        return FileStamp(path: path)?.mtimeNanoseconds ?? 0
    }

    /// The stamp's modification time if it holds `fingerprint`, else nil.
    public func time(ifMatching fingerprint: String) -> Int64? {
        guard let bytes = try? FileIO.read(path, limit: 4096),
              String(decoding: bytes, as: UTF8.self) == fingerprint + "\n" else { return nil }
        return FileStamp(path: path)?.mtimeNanoseconds
    }
}
