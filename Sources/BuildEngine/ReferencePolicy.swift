public import AltbuildSupport

/// An action-cache entry a target's result depends on, besides its own.
public struct ActionReference: Sendable, Hashable {
    public var namespace: String
    public var key: SHA256Digest

    public init(namespace: String, key: SHA256Digest) {
        self.namespace = namespace
        self.key = key
    }
}

/// What a manifest refers to, in the action's terms. Cache retention asks
/// this instead of knowing any manifest schema or namespace: the glue that
/// writes manifests is the one that can read them.
public protocol ReferencePolicy: Sendable {
    func references(inManifest manifest: [UInt8]) -> [ActionReference]
}

/// For actions whose manifests refer to nothing else.
public struct NoReferences: ReferencePolicy {
    public init() {}
    public func references(inManifest manifest: [UInt8]) -> [ActionReference] { [] }
}
