import AltbuildSupport
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A deck's review file: every slot with its state and text, meant to be
/// committed next to the decks. JSON with one field per line, keys sorted and
/// slots in deck order, so a review shows in `git diff` as the lines of the
/// slots it touched. It lives at `<review folder>/<deck path>.json`.
public struct ReviewFile: Codable, Sendable, Equatable {
    public static let currentVersion = 1

    public var version = ReviewFile.currentVersion
    /// The deck's slots in deck order, then a person's decisions whose slots are gone.
    /// The deck itself is named by where the file is, so a folder of decks
    /// and their reviews can move, or be built in another project, unchanged.
    public var slots: [ReviewEntry]

    public init(slots: [ReviewEntry]) {
        self.slots = slots
    }

    /// Where the review file of the deck at `deckPath` (relative to the
    /// project root, as discovery gives it) lives.
    public static func path(reviewDirectory: String, deckRelativePath: String) -> String {
        reviewDirectory + "/" + deckRelativePath + ".json"
    }

    public func entry(_ slot: String) -> ReviewEntry? {
        slots.first { $0.slot == slot }
    }

    public func encoded() throws -> [UInt8] {
        try CanonicalJSON.pretty(self) + [0x0A]
    }

    /// The file's contents, or nil when there is none yet. A file that is
    /// there but not a review file is an error naming it: it may hold a
    /// person's work, so it is never treated as empty and overwritten.
    public static func load(_ path: String) throws -> ReviewFile? {
        try read(path)?.file
    }

    /// The file and its bytes: the build compares bytes, so that it leaves
    /// every review file in the one form it writes (see `CanonicalStates`).
    public static func read(_ path: String) throws -> (file: ReviewFile, bytes: [UInt8])? {
        guard let bytes = try FileIO.readIfPresent(path, limit: maxBytes) else { return nil }
        return (try decode(ReviewFile.self, bytes, path: path, version: \.version), bytes)
    }

    /// A review file read as `type` (all of it, or the part a reader needs),
    /// nil when there is none, and an error naming the file when it is not
    /// a review file of this version.
    public static func load<File: Decodable>(_ type: File.Type, _ path: String, version: (File) -> Int) throws -> File? {
        guard let bytes = try FileIO.readIfPresent(path, limit: maxBytes) else { return nil }
        return try decode(type, bytes, path: path, version: version)
    }

    static func decode<File: Decodable>(_ type: File.Type, _ bytes: [UInt8], path: String, version: (File) -> Int) throws -> File {
        let file: File
        do {
            file = try JSONDecoder().decode(File.self, from: Data(bytes))
        } catch {
            throw AltbuildError(.reviewFileInvalid, "not a valid review file (\(Self.describe(error))); fix or remove it", path: path)
        }
        guard version(file) == currentVersion else {
            throw AltbuildError(.reviewFileInvalid, "review file version \(version(file)); this altbuild reads version \(currentVersion)", path: path)
        }
        return file
    }

    /// Far above any real deck's review file (about 400 bytes a slot).
    static let maxBytes = 64 << 20

    /// Writes the file durably, and only when its bytes change, so a build
    /// that decided nothing new leaves its mtime (and `git status`) alone.
    @discardableResult
    public func save(to path: String) throws -> Bool {
        let bytes = try encoded()
        // An old file that cannot be read is simply replaced: the new bytes are the truth.
        if let old = try? FileIO.readIfPresent(path, limit: Self.maxBytes), old == bytes { return false }
        try FileIO.writeAtomically(bytes, to: path)
        return true
    }

    private static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.dataCorrupted(let context): return context.debugDescription
        case DecodingError.keyNotFound(let key, let context):
            return "missing \"\(key.stringValue)\"" + at(context)
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            return context.debugDescription + at(context)
        default: return "\(error)"
        }
    }

    private static func at(_ context: DecodingError.Context) -> String {
        let path = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        return path.isEmpty ? "" : " at \(path)"
    }
}
