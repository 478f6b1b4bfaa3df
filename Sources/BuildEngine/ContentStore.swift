public import AltbuildSupport
#if canImport(Glibc)
import Glibc
#endif

/// A content-addressed store: objects named by the SHA-256 of their bytes, in
/// 16 fan-out folders by the first hex digit (`objects/a/abcdef...`). Not
/// ccache's 256 folders by two digits: objects are small records, a few
/// dozen a deck, and 256 folders of a 4 KiB block each cost more disk than
/// a small project's whole cache; 16 folders stay quick to list up to tens
/// of thousands of objects each.
///
/// Writes are temp file and rename, so a reader finds an object whole or
/// absent. They are not fsynced one by one: whoever records a reference to
/// an object in durable state syncs the filesystem first (`StateLog.commit`),
/// once for all the objects of a deck. An object a crash tore before that is
/// caught by the verification below and rebuilt. Fan-out folders are created
/// the first time a write finds one missing, never checked before each write.
/// Every read is verified against its name: a corrupt object is deleted and
/// reported as missing, never served. Reading an object touches its mtime,
/// which is what `gc` evicts by (least recently used first).
///
/// Objects are the build's own records (recipes, manifests, review files,
/// descriptions), mostly JSON, so one that deflates to less is stored
/// deflated, behind a header no JSON or zip starts with (`StoredObject`);
/// the digest is always of the plain bytes, so names, verification and any
/// remote cache see the same content either way.
public struct ContentStore: Sendable {
    public let root: String
    /// Asked after a local miss by `fetch` (`RemoteCache`); nil: local only.
    public let remote: RemoteCache?

    public init(root: String, remote: RemoteCache? = nil) {
        self.root = root
        self.remote = remote
    }

    public var objectsDirectory: String { root + "/objects" }

    public func path(of digest: SHA256Digest) -> String {
        let hex = digest.hex
        return objectsDirectory + "/" + hex.prefix(1) + "/" + hex
    }

    /// Where altbuild before the 16-folder layout kept it (`objects/ab/…`).
    /// Read, and moved to `path(of:)` when found there, so an upgrade never
    /// asks a model again for what the cache already knows.
    func legacyPath(of digest: SHA256Digest) -> String {
        let hex = digest.hex
        return objectsDirectory + "/" + hex.prefix(2) + "/" + hex
    }

    /// Moves an object of the older layout to `path(of:)`; true if there was one.
    /// Asked only after a miss, so reads of the current layout cost nothing more.
    private func adoptLegacy(_ digest: SHA256Digest) -> Bool {
        FileIO.move(legacyPath(of: digest), to: path(of: digest))
    }

    /// Stores `bytes` and returns their digest. Storing an object twice is free.
    @discardableResult
    public func put(_ bytes: [UInt8]) throws -> SHA256Digest {
        let digest = SHA256.hash(bytes)
        let target = path(of: digest)
        if FileIO.exists(target) || adoptLegacy(digest) {
            touch(target)
        } else {
            try FileIO.writeAtomically(StoredObject.encode(bytes), to: target, durability: .deferred)
        }
        return digest
    }

    /// The object's bytes, verified; nil if absent or corrupt (a corrupt object is deleted).
    public func get(_ digest: SHA256Digest) -> [UInt8]? {
        let target = path(of: digest)
        // Missing or unreadable, the object is a miss: whoever asked rebuilds it, which is always correct.
        guard let stored = (try? FileIO.read(target)) ?? (adoptLegacy(digest) ? try? FileIO.read(target) : nil) else { return nil }
        guard let bytes = StoredObject.decode(stored), SHA256.hash(bytes) == digest else {
            unlink(target)
            return nil
        }
        touch(target)
        return bytes
    }

    public func contains(_ digest: SHA256Digest) -> Bool {
        FileIO.exists(path(of: digest)) || adoptLegacy(digest)
    }

    private func touch(_ path: String) {
        utimensat(AT_FDCWD, path, nil, 0)
    }
}
