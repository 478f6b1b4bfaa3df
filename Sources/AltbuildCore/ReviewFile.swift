public import AltbuildSupport
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
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted]
        return Array(try encoder.encode(self)) + [0x0A]
    }

    /// The file's contents, or nil when there is none yet. A file that is
    /// there but not a review file is an error naming it: it may hold a
    /// person's work, so it is never treated as empty and overwritten.
    public static func load(_ path: String) throws -> ReviewFile? {
        try FileIO.readIfPresent(path, limit: maxBytes).map { try decode($0, path: path) }
    }

    /// Far above any real deck's review file (about 400 bytes a slot).
    static let maxBytes = 64 << 20

    public static func decode(_ bytes: [UInt8], path: String) throws -> ReviewFile {
        let file: ReviewFile
        do {
            file = try JSONDecoder().decode(ReviewFile.self, from: Data(bytes))
        } catch {
            throw AltbuildError(.reviewFileInvalid, "not a valid review file (\(Self.describe(error))); fix or remove it", path: path)
        }
        guard file.version == currentVersion else {
            throw AltbuildError(.reviewFileInvalid, "review file version \(file.version); this altbuild reads version \(currentVersion)", path: path)
        }
        return file
    }

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
