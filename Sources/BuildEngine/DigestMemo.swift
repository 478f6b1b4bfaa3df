public import AltbuildSupport
import Synchronization

/// Digests taken during one build, by path and the status the file had when
/// it was hashed, so that planning twice in one build (a probe for "nothing
/// to do" before the lock, then the build itself) reads a changed deck once.
/// A file whose status has moved since is hashed again; the worker checks
/// the digest against the bytes it reads either way.
public final class DigestMemo: Sendable {
    private let digests = Mutex<[String: (status: FileStatus, digest: SHA256Digest)]>([:])

    public init() {}

    /// The digest of `path`, whose status is `status` now: remembered, or hashed (streamed) and remembered.
    func digest(of path: String, status: FileStatus) throws -> SHA256Digest {
        if let known = digests.withLock({ $0[path] }), known.status == status { return known.digest }
        let digest = try SHA256.hash(contentsOf: path)
        digests.withLock { $0[path] = (status, digest) }
        return digest
    }
}
