import AltbuildSupport

/// One file of the cache as `gc` sees it: a store object or an action entry,
/// its size and when it was last used (its mtime, which reads touch).
struct CacheItem {
    enum Identity: Hashable {
        case object(SHA256Digest)
        case entry(ActionReference)
    }

    var identity: Identity
    var path: String
    var size: Int64
    var lastUsed: Int64

    /// Every store object, in the current fan-out folders or the older ones.
    static func objects(in store: ContentStore) -> [CacheItem] {
        files(under: store.objectsDirectory).compactMap { path, name in
            SHA256Digest(hex: name).flatMap { item(.object($0), at: path) }
        }
    }

    /// Every action entry, by namespace, in the current fan-out folders or the older ones.
    static func entries(in actions: ActionCache) -> [CacheItem] {
        FileIO.list(actions.actionsDirectory).flatMap { namespace in
            files(under: actions.actionsDirectory + "/" + namespace).compactMap { path, name in
                SHA256Digest(hex: name).flatMap { item(.entry(ActionReference(namespace: namespace, key: $0)), at: path) }
            }
        }
    }

    /// (path, name) of the files one fan-out level below `folder`.
    private static func files(under folder: String) -> [(path: String, name: String)] {
        FileIO.list(folder).flatMap { fan in
            FileIO.list(folder + "/" + fan).map { (folder + "/" + fan + "/" + $0, $0) }
        }
    }

    private static func item(_ identity: Identity, at path: String) -> CacheItem? {
        FileStatus(path: path).map { CacheItem(identity: identity, path: path, size: $0.size, lastUsed: $0.mtimeNanoseconds) }
    }
}
