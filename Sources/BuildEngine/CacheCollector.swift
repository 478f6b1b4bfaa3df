public import AltbuildSupport
#if canImport(Glibc)
import Glibc
#endif

/// Garbage collection for the content store: least recently used objects go
/// first (reads touch an object's mtime), and objects the current state
/// references are never evicted. Action entries whose result is gone are
/// dropped too.
public struct CacheCollector: Sendable {
    public let store: ContentStore
    public let actions: ActionCache

    public init(store: ContentStore, actions: ActionCache) {
        self.store = store
        self.actions = actions
    }

    public struct Usage: Sendable {
        public var objects = 0
        public var bytes: Int64 = 0
        public var actionEntries = 0
    }

    public struct Result: Sendable {
        public var evictedObjects = 0
        public var evictedBytes: Int64 = 0
        public var keptObjects = 0
        public var keptBytes: Int64 = 0
    }

    struct Object {
        var digest: SHA256Digest
        var path: String
        var size: Int64
        var lastUsed: Int64
    }

    func objects() -> [Object] {
        var result: [Object] = []
        for fan in FileIO.list(store.objectsDirectory) {
            let folder = store.objectsDirectory + "/" + fan
            for name in FileIO.list(folder) {
                guard let digest = SHA256Digest(hex: name), let status = FileStatus(path: folder + "/" + name) else { continue }
                result.append(Object(digest: digest, path: folder + "/" + name, size: status.size, lastUsed: status.mtimeNanoseconds))
            }
        }
        return result
    }

    /// Every action entry file: (namespace, path, key).
    func actionEntries() -> [(namespace: String, path: String, key: SHA256Digest)] {
        var result: [(String, String, SHA256Digest)] = []
        let base = actions.root + "/actions"
        for namespace in FileIO.list(base) {
            for fan in FileIO.list(base + "/" + namespace) {
                for name in FileIO.list(base + "/" + namespace + "/" + fan) {
                    if let key = SHA256Digest(hex: name) { result.append((namespace, base + "/" + namespace + "/" + fan + "/" + name, key)) }
                }
            }
        }
        return result
    }

    public func usage() -> Usage {
        var usage = Usage()
        for object in objects() {
            usage.objects += 1
            usage.bytes += object.size
        }
        usage.actionEntries = actionEntries().count
        return usage
    }

    /// Objects the state needs: each target's output and manifest, the result
    /// object its key maps to with the declared-input contents it names, and
    /// whatever `policy` says its manifest refers to.
    public func referenced(by state: StateLog, policy: any ReferencePolicy) -> Set<SHA256Digest> {
        var keep = Set<SHA256Digest>()
        for record in state.records.values where record.status == .succeeded {
            if let output = record.outputDigest { keep.insert(output) }
            if let manifest = record.manifestDigest {
                keep.insert(manifest)
                if let bytes = store.get(manifest) {
                    for reference in policy.references(inManifest: bytes) {
                        if let object = actions.lookup(reference.namespace, reference.key) { keep.insert(object) }
                    }
                }
            }
            if let result = actions.lookup(BuildExecutor.resultNamespace, record.key) {
                keep.insert(result)
                // The recipe and the declared inputs the build rewrote come back with a restore: keep them too.
                keep.formUnion(store.get(result).flatMap(TargetResult.decode)?.objects ?? [])
            }
        }
        return keep
    }

    public func collect(keeping keep: Set<SHA256Digest>, maxBytes: Int64?, maxAgeSeconds: Int64?) -> Result {
        var result = Result()
        let all = objects().sorted { $0.lastUsed < $1.lastUsed }
        var total = all.reduce(Int64(0)) { $0 + $1.size }
        let cutoff = maxAgeSeconds.map { wallClockNanoseconds() - $0 * 1_000_000_000 }
        for object in all {
            let tooOld = cutoff.map { object.lastUsed < $0 } ?? false
            let tooBig = maxBytes.map { total > $0 } ?? false
            if !keep.contains(object.digest) && (tooOld || tooBig) && unlink(object.path) == 0 {
                result.evictedObjects += 1
                result.evictedBytes += object.size
                total -= object.size
            } else {
                result.keptObjects += 1
                result.keptBytes += object.size
            }
        }
        // Entries pointing at evicted objects would only ever miss; drop them.
        for entry in actionEntries() where actions.lookup(entry.namespace, entry.key).map(store.contains) != true {
            unlink(entry.path)
        }
        return result
    }
}
