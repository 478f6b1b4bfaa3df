public import AltbuildSupport

/// The remote cache's writing side. Only what succeeded is sent: a target's
/// entry once the target is recorded, a description's once it is made.
///
/// Objects below `askFirstAbove` are sent without asking whether the remote
/// has them: they are content-addressed, so a PUT of one the remote holds
/// changes nothing, and for a small record one PUT costs the same round trip
/// a HEAD would, where HEAD then PUT would cost two. Larger objects (whole
/// outputs of actions without a recipe) are asked about first, unless this
/// build found the remote's copy damaged, so that the upload mends it.
extension RemoteCache {
    static let askFirstAbove = 64 << 10

    /// Sends the local entry for `key` in `namespace`, with the object it maps
    /// to and `objects` (what a restore of it reads), in the background of the
    /// build. Waits only while the upload queue is full.
    public func share(_ namespace: String, _ key: SHA256Digest, with objects: [SHA256Digest] = []) async {
        guard endpoint.upload, books.withLock({ $0.sending }) else { return }
        await uploads.add { [self] in await send(namespace, key, objects) }
    }

    /// Objects first, then the entry, so a reader never finds an entry whose
    /// objects are missing. An object the local cache no longer has stops
    /// the entry from being sent.
    private func send(_ namespace: String, _ key: SHA256Digest, _ objects: [SHA256Digest]) async {
        // Read as gc reads: sending an entry is not a use of it.
        guard books.withLock({ $0.sending }), let entry = actions.read(namespace, key, touching: false) else { return }
        var seen = Set<SHA256Digest>()
        // An inline result travels in the entry itself.
        for digest in (entry.inline == nil ? [entry.result] : []) + objects where seen.insert(digest).inserted {
            guard await sendObject(digest) else { return }
        }
        guard await put("ac/" + ActionCache.remoteName(key).hex, entry.encoded()) else { return }
        books.withLock { $0.counts.uploads += 1 }
    }

    /// True when the remote holds the object afterwards.
    private func sendObject(_ digest: SHA256Digest) async -> Bool {
        let (known, damaged) = books.withLock { ($0.known.contains(digest), $0.damaged.contains(digest)) }
        if known { return true }
        guard let bytes = store.get(digest) else { return false }
        if bytes.count > Self.askFirstAbove && !damaged {
            guard let response = await request("HEAD", "cas/" + digest.hex) else { return false }
            if response.status == 200 {
                books.withLock { _ = $0.known.insert(digest) }
                return true
            }
            guard response.status == 404 else {
                stopAsking("it answered HTTP \(response.status) to HEAD")
                return false
            }
        }
        guard await put("cas/" + digest.hex, bytes) else { return false }
        books.withLock { books in
            books.known.insert(digest)
            books.damaged.remove(digest)
            books.counts.objectsUp += 1
        }
        return true
    }

    /// A PUT; a refusal (4xx) ends uploads, any other failure the remote's use.
    private func put(_ path: String, _ bytes: [UInt8]) async -> Bool {
        guard let response = await request("PUT", path, body: bytes, headers: ["Content-Type": "application/octet-stream"]) else { return false }
        switch response.status {
        case 200..<300:
            books.withLock { $0.counts.bytesUp += Int64(bytes.count) }
            return true
        case 400..<500:
            stopSending("HTTP \(response.status)")
        default:
            stopAsking("it answered HTTP \(response.status) to an upload")
        }
        return false
    }

    /// Waits for the uploads still queued or running, at most `seconds`;
    /// what is left then is dropped (with a warning) and its requests stopped.
    /// Nothing can be queued afterwards.
    public func finish(within seconds: Double) async {
        await withTaskGroup(of: Bool.self) { group in
            group.addTask { await self.uploads.idle(); return true }
            group.addTask {
                try? await Task.sleep(nanoseconds: UInt64(max(0, seconds) * 1e9))
                return false
            }
            if await group.next() == false { await abandonUploads(after: seconds) }
            group.cancelAll()
        }
        _ = await uploads.close()
    }

    private func abandonUploads(after seconds: Double) async {
        let left = await uploads.close()
        abandon.cancel()
        let count = left.dropped + left.running
        books.withLock { $0.counts.dropped += count }
        logger.warning("remote cache \(endpoint.shown): \(count) uploads were not done within \(formatDuration(seconds)) of the build's end and were dropped",
                       metadata: ["event": "remote_cache_dropped"])
    }
}
