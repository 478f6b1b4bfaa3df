public import AltbuildSupport
#if canImport(Glibc)
import Glibc
#endif

/// Maps an action key to the digest of a result object in the content store,
/// the way Bazel's `/ac/<key>` maps to `/cas/<digest>`.
///
/// Each entry is a small file holding the result digest twice over: its hex
/// and a checksum line, so a torn or tampered entry is recognised and dropped.
public struct ActionCache: Sendable {
    public let root: String

    public init(root: String) { self.root = root }

    func path(_ namespace: String, _ key: SHA256Digest) -> String {
        let hex = key.hex
        return root + "/actions/" + namespace + "/" + hex.prefix(2) + "/" + hex
    }

    public func lookup(_ namespace: String, _ key: SHA256Digest) -> SHA256Digest? {
        let file = path(namespace, key)
        // Missing or unreadable, the entry is a miss: the action is redone, which is always correct.
        guard let bytes = try? FileIO.read(file, limit: 256) else { return nil }
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n")
        guard lines.count == 2, let digest = SHA256Digest(hex: String(lines[0])),
              String(lines[1]) == SHA256.hash(key.hex + digest.hex).hex.prefix(16) else {
            unlink(file)
            return nil
        }
        return digest
    }

    public func record(_ namespace: String, _ key: SHA256Digest, result: SHA256Digest) throws {
        let check = SHA256.hash(key.hex + result.hex).hex.prefix(16)
        try FileIO.writeAtomically(Array((result.hex + "\n" + check + "\n").utf8), to: path(namespace, key))
    }

    public func remove(_ namespace: String, _ key: SHA256Digest) {
        unlink(path(namespace, key))
    }
}
