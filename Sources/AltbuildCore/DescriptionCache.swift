public import BuildEngine
public import Describers
public import AltbuildSupport

/// Remembers descriptions by what they depend on: the slot's bytes (image,
/// chart part...), the describer's identity and the context it uses. The same
/// image on fifty slides with the same caption is described once, ever.
public struct DescriptionCache: Sendable {
    public let store: ContentStore
    public let actions: ActionCache
    /// False with `--force`: answers are recomputed (and stored again).
    public let readable: Bool

    static let namespace = "descriptions"

    public init(store: ContentStore, actions: ActionCache, readable: Bool = true) {
        self.store = store
        self.actions = actions
        self.readable = readable
    }

    public static func key(_ request: DescriptionRequest, describer: any Describer) -> SHA256Digest {
        let hasher = SHA256()
        hasher.update("altbuild-description-v1\n")
        hasher.update("media=" + (request.slot.mediaDigest?.hex ?? "none") + "\n")
        hasher.update("describer=" + describer.identity.canonical + "\n")
        hasher.update(describer.contextKey(request))
        return hasher.finalize()
    }

    /// The cached description, if any: from the local cache, else from the
    /// remote cache behind it (by the same key, so a new deck reuses the
    /// team's descriptions of the same pictures). A record this altbuild
    /// cannot read (an older format, a newer version) is a miss: the slot is
    /// described again, which is always correct.
    public func lookup(_ key: SHA256Digest) async -> Description? {
        guard readable, let bytes = await actions.fetchResult(Self.namespace, key, store: store),
              let record = DescriptionRecord.decode(bytes) else { return nil }
        return Description(text: record.text, needsReview: record.needsReview, reason: record.reason)
    }

    /// Keeps a description inside its action entry (one file a description;
    /// `DescriptionRecord`), and sends it to the remote cache (if any) at
    /// once: it is the expensive part, and another deck may need it before
    /// this one's build ends.
    public func store(_ description: Description, for key: SHA256Digest) async throws {
        let record = DescriptionRecord(text: description.text, needsReview: description.needsReview, reason: description.reason)
        try actions.record(Self.namespace, key, resultBytes: try record.encoded(), store: store)
        await actions.share(Self.namespace, key)
    }
}
