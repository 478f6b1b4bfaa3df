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
    /// Asked after a local miss, and told of entries this build made (`RemoteCache`); nil: local only.
    public let remote: RemoteCache?

    public init(root: String, remote: RemoteCache? = nil) {
        self.root = root
        self.remote = remote
    }

    /// The most an entry's bytes may be; a longer file or download is not an entry.
    static let entryLimit = 512

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
        guard let bytes = (try? FileIO.read(file, limit: Self.entryLimit))
                ?? (adoptLegacy(namespace, key) ? try? FileIO.read(file, limit: Self.entryLimit) : nil)
        else { return nil }
        // One that does not decode (torn, older, newer) is a miss too, and is dropped.
        guard let result = Self.result(ofEntry: bytes, key: key) else {
            unlink(file)
            return nil
        }
        return result
    }

    /// What the entry in `bytes` maps `key` to, or nil when they are not an
    /// entry this altbuild reads for `key` (torn, another version, another
    /// key's entry). Entries from the disk and from a remote cache are judged
    /// here alike, so a download is held to the same format as a local file.
    public static func result(ofEntry bytes: [UInt8], key: SHA256Digest) -> SHA256Digest? {
        guard let entry = try? JSONDecoder().decode(Entry.self, from: Data(bytes)),
              entry.version == Entry.currentVersion, entry.key == key else { return nil }
        return entry.result
    }

    /// The name the entry for `key` has in a remote cache (`ac/<name>`): the
    /// key hashed with the entry format's version. Description keys do not
    /// name the altbuild version, so without it altbuilds that write entries
    /// differently would keep rejecting and overwriting each other's; with
    /// it each format has its own names.
    static func remoteName(_ key: SHA256Digest) -> SHA256Digest {
        let hasher = SHA256()
        hasher.update("altbuild-action-entry-v\(Entry.currentVersion)\n")
        hasher.update(key.bytes)
        return hasher.finalize()
    }

    /// The entry's bytes as they are stored, with what they map to: what a
    /// remote cache is sent, unchanged, so both hold the same entry.
    func entry(_ namespace: String, _ key: SHA256Digest) -> (bytes: [UInt8], result: SHA256Digest)? {
        guard let bytes = try? FileIO.read(path(namespace, key), limit: Self.entryLimit),
              let result = Self.result(ofEntry: bytes, key: key) else { return nil }
        return (bytes, result)
    }

    /// Keeps an entry downloaded from a remote cache (already judged by
    /// `result(ofEntry:key:)`) as it came, so the next build finds it here.
    func adopt(_ bytes: [UInt8], _ namespace: String, _ key: SHA256Digest) throws {
        try FileIO.writeAtomically(bytes, to: path(namespace, key), durability: .deferred)
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
