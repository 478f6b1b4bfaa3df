public import AltbuildSupport
#if canImport(Glibc)
import Glibc
#endif

/// Garbage collection for the cache: store objects and action entries (which
/// carry small results themselves) are evicted together, least recently used
/// first (reads touch their mtime), and nothing the current state references
/// is ever evicted. Entries naming a store object that is gone are dropped too.
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
        public var actionEntryBytes: Int64 = 0
    }

    public struct Result: Sendable {
        public var evictedObjects = 0
        public var evictedBytes: Int64 = 0
        public var keptObjects = 0
        public var keptBytes: Int64 = 0
        public var evictedEntries = 0
        public var evictedEntryBytes: Int64 = 0
        public var keptEntries = 0
        public var keptEntryBytes: Int64 = 0

        mutating func count(_ item: CacheItem, evicted: Bool) {
            switch (item.identity, evicted) {
            case (.object, true): evictedObjects += 1; evictedBytes += item.size
            case (.object, false): keptObjects += 1; keptBytes += item.size
            case (.entry, true): evictedEntries += 1; evictedEntryBytes += item.size
            case (.entry, false): keptEntries += 1; keptEntryBytes += item.size
            }
        }

        /// An entry counted as kept that turned out to be gone.
        mutating func reclassifyAsEvicted(_ item: CacheItem) {
            keptEntries -= 1
            keptEntryBytes -= item.size
            count(item, evicted: true)
        }
    }

    /// What `collect` must not evict: store objects and action entries.
    public struct Retained: Sendable {
        public var objects = Set<SHA256Digest>()
        public var entries = Set<ActionReference>()

        public init() {}

        func contains(_ identity: CacheItem.Identity) -> Bool {
            switch identity {
            case .object(let digest): objects.contains(digest)
            case .entry(let reference): entries.contains(reference)
            }
        }
    }

    public func usage() -> Usage {
        var usage = Usage()
        for object in CacheItem.objects(in: store) {
            usage.objects += 1
            usage.bytes += object.size
        }
        for entry in CacheItem.entries(in: actions) {
            usage.actionEntries += 1
            usage.actionEntryBytes += entry.size
        }
        return usage
    }

    /// What the state needs: each target's output and manifest, its action
    /// entry with the objects its result names (the recipe, the declared
    /// inputs' contents), and the entries `policy` says its manifest refers to.
    public func referenced(by state: StateLog, policy: any ReferencePolicy) -> Retained {
        var keep = Retained()
        for record in state.records.values where record.status == .succeeded {
            if let output = record.outputDigest { keep.objects.insert(output) }
            if let manifest = record.manifestDigest {
                keep.objects.insert(manifest)
                for reference in store.get(manifest).map(policy.references(inManifest:)) ?? [] {
                    _ = retain(reference, in: &keep)
                }
            }
            let target = ActionReference(namespace: BuildExecutor.resultNamespace, key: record.key)
            if let entry = retain(target, in: &keep) {
                // The recipe and the declared inputs the build rewrote come back with a restore: keep them too.
                let recorded = entry.resultBytes(in: store).flatMap(TargetResult.decode)
                keep.objects.formUnion(recorded?.objects ?? [])
            }
        }
        return keep
    }

    /// Keeps an entry and the store object it names (if its result is not inline); returns the entry.
    private func retain(_ reference: ActionReference, in keep: inout Retained) -> ActionCache.Entry? {
        keep.entries.insert(reference)
        guard let entry = actions.read(reference.namespace, reference.key, touching: false) else { return nil }
        keep.objects.insert(entry.result)
        return entry
    }

    /// Evicts what `keep` does not hold, oldest use first: everything unused
    /// for longer than `maxAgeSeconds`, and more until objects and entries
    /// together fit in `maxBytes`.
    public func collect(keeping keep: Retained, maxBytes: Int64?, maxAgeSeconds: Int64?) -> Result {
        var result = Result()
        let all = (CacheItem.objects(in: store) + CacheItem.entries(in: actions)).sorted { $0.lastUsed < $1.lastUsed }
        var total = all.reduce(Int64(0)) { $0 + $1.size }
        let cutoff = maxAgeSeconds.map { wallClockNanoseconds() - $0 * 1_000_000_000 }
        for item in all {
            let tooOld = cutoff.map { item.lastUsed < $0 } ?? false
            let tooBig = maxBytes.map { total > $0 } ?? false
            let evicted = !keep.contains(item.identity) && (tooOld || tooBig) && unlink(item.path) == 0
            if evicted { total -= item.size }
            result.count(item, evicted: evicted)
        }
        dropDanglingEntries(&result)
        return result
    }

    /// Entries naming a store object that is gone would only ever miss: drops
    /// them (reading drops any that no longer decode) and counts them as evicted.
    private func dropDanglingEntries(_ result: inout Result) {
        for item in CacheItem.entries(in: actions) {
            guard case .entry(let reference) = item.identity else { continue }
            if let entry = actions.read(reference.namespace, reference.key, touching: false) {
                if entry.inline != nil || store.contains(entry.result) { continue }
                actions.remove(reference.namespace, reference.key)
            }
            result.reclassifyAsEvicted(item)
        }
    }
}
