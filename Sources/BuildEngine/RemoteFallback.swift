public import AltbuildSupport

/// Reads that fall back on the remote cache after a local miss, and keep
/// what it gives, so the next build asks nobody. A local hit makes no
/// request. Async, so that waiting on the network never holds one of the
/// few threads Swift's concurrency runs the build on. Without a remote they
/// are the local reads (`get`, `lookup`).
extension ContentStore {
    public func fetch(_ digest: SHA256Digest) async -> [UInt8]? {
        if let bytes = get(digest) { return bytes }
        guard let remote, let bytes = await remote.object(digest) else { return nil }
        do {
            try put(bytes)
        } catch {
            remote.couldNotKeep("object \(digest.hex)", error)
        }
        return bytes
    }

    /// Brings the objects the local store lacks from the remote, all at
    /// once: the pieces of a result from it, those the restore reads (a
    /// recipe) and those later builds and commands read without asking the
    /// remote (a manifest). One that cannot be had stays missing, which the
    /// reader treats as a miss.
    public func pull(_ digests: [SHA256Digest]) async {
        guard remote != nil else { return }
        let missing = Set(digests.filter { !contains($0) })
        await withTaskGroup(of: Void.self) { group in
            for digest in missing { group.addTask { _ = await fetch(digest) } }
        }
    }
}

extension ActionCache {
    /// The entry for `key`, local or else the remote's (kept locally).
    public func fetch(_ namespace: String, _ key: SHA256Digest) async -> Entry? {
        if let local = entry(namespace, key) { return local }
        guard let remote, let entry = await remote.entry(key) else { return nil }
        do {
            try record(namespace, entry)
        } catch {
            remote.couldNotKeep("the entry for \(key.hex)", error)
        }
        return entry
    }

    /// The result's bytes for `key`: carried by the entry, or read from
    /// `store` (which asks the remote after a local miss); nil on a miss.
    public func fetchResult(_ namespace: String, _ key: SHA256Digest, store: ContentStore) async -> [UInt8]? {
        guard let entry = await fetch(namespace, key) else { return nil }
        if let inline = entry.inline { return inline }
        return await store.fetch(entry.result)
    }

    /// Sends what the entry for `key` names, and the entry, to the remote
    /// cache (in the background); nothing without one.
    public func share(_ namespace: String, _ key: SHA256Digest, with objects: [SHA256Digest] = []) async {
        await remote?.share(namespace, key, with: objects)
    }
}
