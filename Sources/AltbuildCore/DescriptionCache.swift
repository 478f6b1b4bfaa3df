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

    /// The cached description, if any. The stored object is a line
    /// `review=1` or `review=0`, then the text.
    public func lookup(_ key: SHA256Digest) -> Description? {
        guard readable, let digest = actions.lookup(Self.namespace, key), let bytes = store.get(digest),
              let newline = bytes.firstIndex(of: 0x0A) else { return nil }
        let header = String(decoding: bytes[..<newline], as: UTF8.self)
        guard header == "review=1" || header == "review=0" else { return nil }
        return Description(text: String(decoding: bytes[(newline + 1)...], as: UTF8.self), needsReview: header == "review=1")
    }

    public func store(_ description: Description, for key: SHA256Digest) throws {
        let object = try store.put(Array(("review=" + (description.needsReview ? "1" : "0") + "\n" + description.text).utf8))
        try actions.record(Self.namespace, key, result: object)
    }
}
