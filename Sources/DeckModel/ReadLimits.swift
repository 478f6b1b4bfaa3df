import AltbuildSupport
/// Bounds on what altbuild will read from one deck. Decks are untrusted input:
/// these limits turn a zip bomb or an absurd package into a clear error
/// instead of an exhausted machine. The defaults are far above any real deck
/// (the largest public decks we know of are a few hundred MiB of media).
public struct ReadLimits: Sendable, Equatable, Codable {
    /// The deck file itself.
    public var maxDeckBytes: Int = 1 << 30  // 1 GiB
    /// Entries in the archive.
    public var maxEntries: Int = 10_000
    /// Declared uncompressed size of any one entry.
    public var maxEntryBytes: Int = 512 << 20  // 512 MiB
    /// Declared uncompressed size of all entries together.
    public var maxTotalBytes: Int = 2 << 30  // 2 GiB
    /// Uncompressed/compressed ratio above which an entry counts as a bomb...
    public var maxCompressionRatio: Int = 200
    /// ...once it inflates to at least this many bytes (tiny entries compress absurdly well).
    public var ratioCheckMinBytes: Int = 1 << 20  // 1 MiB
    /// Any XML part altbuild parses.
    public var maxXMLBytes: Int = 64 << 20  // 64 MiB

    public init() {}

    public static let `default` = ReadLimits()
}
