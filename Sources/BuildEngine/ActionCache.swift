public import AltbuildSupport
#if canImport(Glibc)
import Glibc
#endif
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Maps an action key to the digest of a result object in the content store,
/// the way Bazel's `/ac/<key>` maps to `/cas/<digest>`.
///
/// Each entry is a small versioned JSON record naming its own key and the
/// result: a torn entry does not decode, and one moved to another key's
/// place does not match, so either is recognised and dropped. Entries are
/// not fsynced one by one, for the same reason as the store's objects: the
/// build syncs the filesystem once per deck (`StateLog.commit`), and an entry
/// a crash lost or tore is only a miss.
public struct ActionCache: Sendable {
    public let root: String

    public init(root: String) { self.root = root }

    func path(_ namespace: String, _ key: SHA256Digest) -> String {
        let hex = key.hex
        return root + "/actions/" + namespace + "/" + hex.prefix(1) + "/" + hex
    }

    struct Entry: Codable, Equatable {
        static let currentVersion = 1
        var version = Entry.currentVersion
        var key: SHA256Digest
        var result: SHA256Digest
    }

    public func lookup(_ namespace: String, _ key: SHA256Digest) -> SHA256Digest? {
        let file = path(namespace, key)
        // Missing or unreadable, the entry is a miss: the action is redone, which is always correct.
        // An entry of the older 256-folder layout is moved into place first, so an upgrade keeps every description.
        guard let bytes = (try? FileIO.read(file, limit: 512)) ?? (adoptLegacy(namespace, key) ? try? FileIO.read(file, limit: 512) : nil)
        else { return nil }
        // One that does not decode (torn, older, newer) is a miss too, and is dropped.
        guard let entry = try? JSONDecoder().decode(Entry.self, from: Data(bytes)),
              entry.version == Entry.currentVersion, entry.key == key else {
            unlink(file)
            return nil
        }
        return entry.result
    }

    /// Moves an entry of the older layout (`actions/<namespace>/ab/…`) into place; true if there was one.
    private func adoptLegacy(_ namespace: String, _ key: SHA256Digest) -> Bool {
        let hex = key.hex
        return FileIO.move(root + "/actions/" + namespace + "/" + hex.prefix(2) + "/" + hex, to: path(namespace, key))
    }

    public func record(_ namespace: String, _ key: SHA256Digest, result: SHA256Digest) throws {
        try FileIO.writeAtomically(try CanonicalJSON.encode(Entry(key: key, result: result)), to: path(namespace, key),
                                   durability: .deferred)
    }

    public func remove(_ namespace: String, _ key: SHA256Digest) {
        unlink(path(namespace, key))
    }
}
