public import BuildEngine
public import Describers
public import AltbuildSupport
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

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

    /// What the store keeps for one description: a small versioned JSON record.
    struct Record: Codable {
        static let currentVersion = 2
        var version = Record.currentVersion
        var text: String
        var needsReview: Bool
        var reason: String?
    }

    /// The cached description, if any: from the local cache, else from the
    /// remote cache behind it (by the same key, so a new deck reuses the
    /// team's descriptions of the same pictures). A record this altbuild
    /// cannot read (an older format, a newer version) is a miss: the slot is
    /// described again, which is always correct.
    public func lookup(_ key: SHA256Digest) async -> Description? {
        guard readable, let digest = await actions.fetch(Self.namespace, key), let bytes = await store.fetch(digest),
              let record = try? JSONDecoder().decode(Record.self, from: Data(bytes)),
              record.version == Record.currentVersion else { return nil }
        return Description(text: record.text, needsReview: record.needsReview, reason: record.reason)
    }

    /// Keeps a description just made, and sends it to the remote cache (if
    /// any) at once: it is the expensive part, and another deck may need it
    /// before this one's build ends.
    public func store(_ description: Description, for key: SHA256Digest) async throws {
        let record = Record(text: description.text, needsReview: description.needsReview, reason: description.reason)
        let object = try store.put(try CanonicalJSON.encode(record))
        try actions.record(Self.namespace, key, result: object)
        await actions.share(Self.namespace, key)
    }
}
