public import AltbuildSupport
#if canImport(Glibc)
import Glibc
#endif

/// Maps an action key to its result, the way Bazel's `/ac/<key>` maps to
/// `/cas/<digest>`: one file an entry, `actions/<namespace>/a/abcdef…`.
///
/// A small result recorded with `record(_:_:resultBytes:store:)` (a
/// description) travels inside its entry; a larger one, or one recorded by
/// digest (a target's result record, which the engine puts in the store),
/// is a content-store object the entry names (`Entry`). Every entry names its own key and its result's digest, and an
/// inline result is checked against that digest on read, so a torn entry,
/// one moved to another key's place, or a damaged result is recognised,
/// dropped and treated as a miss. Entries are not fsynced one by one, for
/// the same reason as the store's objects: the build syncs the filesystem
/// once per deck (`StateLog.commit`), and an entry a crash lost or tore is
/// only a miss. A hit touches the entry's mtime, which is what `gc` evicts
/// by, as for objects.
public struct ActionCache: Sendable {
    public let root: String
    /// Asked after a local miss, and told of entries this build made (`RemoteCache`); nil: local only.
    public let remote: RemoteCache?

    /// The largest entry written: one disk block. A result whose entry would
    /// be larger goes to the content store, and the entry names it.
    public static let entryLimit = 4096

    public init(root: String, remote: RemoteCache? = nil) {
        self.root = root
        self.remote = remote
    }

    public var actionsDirectory: String { root + "/actions" }

    func path(_ namespace: String, _ key: SHA256Digest) -> String {
        let hex = key.hex
        return actionsDirectory + "/" + namespace + "/" + hex.prefix(1) + "/" + hex
    }

    /// The entry for `key`, checked; nil on a miss. An entry that does not
    /// decode (torn, of another key, a damaged inline result, another
    /// version) is dropped. A hit counts as a use for `gc`.
    public func entry(_ namespace: String, _ key: SHA256Digest) -> Entry? {
        read(namespace, key, touching: true)
    }

    /// `entry`, and whether reading it counts as a use: `gc` reads entries without making them look recent.
    func read(_ namespace: String, _ key: SHA256Digest, touching: Bool) -> Entry? {
        let file = path(namespace, key)
        // Missing or unreadable, the entry is a miss: the action is redone, which is always correct.
        // An entry of the older 256-folder layout is moved into place first, so an upgrade keeps every description.
        guard let bytes = (try? FileIO.read(file, limit: Self.entryLimit))
                ?? (adoptLegacy(namespace, key) ? try? FileIO.read(file, limit: Self.entryLimit) : nil)
        else { return nil }
        guard let entry = Entry.decode(bytes, key: key) else {
            unlink(file)
            return nil
        }
        if touching { utimensat(AT_FDCWD, file, nil, 0) }
        return entry
    }

    /// The digest of the result recorded for `key`, inline or in the store.
    public func lookup(_ namespace: String, _ key: SHA256Digest) -> SHA256Digest? {
        entry(namespace, key)?.result
    }

    /// The result's bytes: carried by the entry, or read (verified) from
    /// `store`; nil on a miss.
    public func result(_ namespace: String, _ key: SHA256Digest, store: ContentStore) -> [UInt8]? {
        entry(namespace, key)?.resultBytes(in: store)
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

    /// Moves an entry of the older layout (`actions/<namespace>/ab/…`) into place; true if there was one.
    private func adoptLegacy(_ namespace: String, _ key: SHA256Digest) -> Bool {
        let hex = key.hex
        return FileIO.move(actionsDirectory + "/" + namespace + "/" + hex.prefix(2) + "/" + hex, to: path(namespace, key))
    }

    /// Records `bytes` as the result for `key`: inside the entry when the
    /// entry stays within `entryLimit`, else as a store object the entry
    /// names. Returns the result's digest.
    @discardableResult
    public func record(_ namespace: String, _ key: SHA256Digest, resultBytes bytes: [UInt8], store: ContentStore) throws -> SHA256Digest {
        let inline = Entry(key: key, inline: bytes)
        let encoded = inline.encoded()
        if encoded.count <= Self.entryLimit {
            try write(encoded, namespace, key)
            return inline.result
        }
        let digest = try store.put(bytes)
        try record(namespace, key, result: digest)
        return digest
    }

    /// Records a result already in the content store.
    public func record(_ namespace: String, _ key: SHA256Digest, result: SHA256Digest) throws {
        try write(Entry(key: key, result: result).encoded(), namespace, key)
    }

    /// Records an entry as it is (one fetched from elsewhere and checked with `Entry.decode`).
    public func record(_ namespace: String, _ entry: Entry) throws {
        try write(entry.encoded(), namespace, entry.key)
    }

    private func write(_ bytes: [UInt8], _ namespace: String, _ key: SHA256Digest) throws {
        try FileIO.writeAtomically(bytes, to: path(namespace, key), durability: .deferred)
    }

    public func remove(_ namespace: String, _ key: SHA256Digest) {
        unlink(path(namespace, key))
    }
}
