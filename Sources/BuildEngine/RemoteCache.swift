public import AltbuildSupport
public import Logging
import HTTPClient
import Synchronization

/// A cache shared by a team over HTTP, in the layout of Bazel's HTTP cache
/// (`GET`, `PUT` and `HEAD` on `{url}/cas/<sha256>` for store objects, by
/// the digest of their plain bytes, and `{url}/ac/<name>` for action
/// entries, as the local action cache stores them, named by
/// `ActionCache.remoteName`). Any server that speaks it works: bazel-remote,
/// nginx with WebDAV, an S3-compatible gateway. Action keys of every
/// namespace share the one `ac/` space: each kind of key is hashed from its
/// own prefix, so they never meet.
///
/// It sits behind the local cache: `ContentStore.fetch` and
/// `ActionCache.fetch` ask it only after a local miss, and keep what it gives.
/// Everything it gives is verified first (an object against its digest, an
/// entry by the action cache's own decoding); what fails is a miss.
///
/// It never fails a build. The first request that gets no usable answer
/// (no connection, a timeout, a server error) ends its use for the build,
/// with one warning; the build goes on with the local cache.
public final class RemoteCache: Sendable {
    public let endpoint: RemoteEndpoint
    /// The local cache, read for what is sent (without a remote of its own).
    let store: ContentStore
    let actions: ActionCache
    let logger: Logger
    let books = Mutex(RemoteBooks())
    let uploads = RemoteUploads()
    /// Set when the uploads' deadline passes, or with the build's own flag
    /// (Ctrl+C's grace is over): requests still running stop.
    let abandon: CancelFlag

    /// Largest object downloaded (whole outputs of actions without a recipe can be large).
    static let objectLimit = 1 << 30
    /// Largest answer read for an entry; anything over `ActionCache.entryLimit` is then rejected.
    static let entryDownloadLimit = 1 << 16

    public init(endpoint: RemoteEndpoint, cacheDirectory: String, logger: Logger, cancel: CancelFlag? = nil) {
        self.endpoint = endpoint
        abandon = CancelFlag(parent: cancel)
        store = ContentStore(root: cacheDirectory)
        actions = ActionCache(root: cacheDirectory)
        self.logger = logger
    }

    public var counts: RemoteCacheCounts { books.withLock { $0.counts } }

    // MARK: - Reading

    /// The object with `digest`, verified; nil when the remote lacks it, is
    /// out, or sends other bytes (a warning, the first time a build sees that).
    func object(_ digest: SHA256Digest) async -> [UInt8]? {
        guard let bytes = await download("cas/" + digest.hex, limit: Self.objectLimit) else { return nil }
        guard SHA256.hash(bytes) == digest else {
            reject(object: digest)
            return nil
        }
        books.withLock { _ = $0.known.insert(digest) }
        return bytes
    }

    /// The entry for `key` as the remote has it, checked as a local one is
    /// (`ActionCache.Entry.decode`, an inline result against its digest too);
    /// nil when the remote lacks it or it is not an entry this altbuild reads.
    func entry(_ key: SHA256Digest) async -> ActionCache.Entry? {
        guard let bytes = await download("ac/" + ActionCache.remoteName(key).hex, limit: Self.entryDownloadLimit) else {
            books.withLock { if $0.asking { $0.counts.misses += 1 } }
            return nil
        }
        guard bytes.count <= ActionCache.entryLimit, let entry = ActionCache.Entry.decode(bytes, key: key) else {
            reject(entryFor: key)
            return nil
        }
        books.withLock { $0.counts.hits += 1 }
        return entry
    }

    /// A GET's body; nil for a 404, and for anything else that is not a 200
    /// (which ends the remote's use for this build).
    private func download(_ path: String, limit: Int) async -> [UInt8]? {
        guard let response = await request("GET", path, limit: limit) else { return nil }
        switch response.status {
        case 200:
            books.withLock { $0.counts.bytesDown += Int64(response.body.count) }
            return response.body
        case 404:
            return nil
        default:
            stopAsking("it answered HTTP \(response.status) to a download")
            return nil
        }
    }

    // MARK: - Requests and outages

    /// One request with the endpoint's header and time limits; nil when the
    /// remote is no longer asked or the request got no answer (which stops it).
    /// Answers may come compressed (`Accept-Encoding`): records and manifests
    /// shrink several times, and a server set up for it (nginx's `gzip`,
    /// bazel-remote's zstd) sends less; bodies are sent and verified plain.
    func request(_ method: String, _ path: String, body: [UInt8]? = nil, headers: [String: String] = [:],
                 limit: Int = 1 << 16) async -> HTTPResponse? {
        guard books.withLock({ $0.asking }) else { return nil }
        books.withLock { $0.counts.requests += 1 }
        do {
            return try await HTTPClient.send(method: method, url: endpoint.url + "/" + path,
                                             headers: endpoint.headers.merging(headers) { given, _ in given },
                                             body: body, timeout: endpoint.timeout, connectTimeout: endpoint.connectTimeout,
                                             maxResponseBytes: limit, compressedAnswers: true, cancel: abandon)
        } catch HTTPFailure.cancelled {
            return nil
        } catch {
            stopAsking("\(error)")
            return nil
        }
    }

    /// Ends the remote's use for this build, telling why once.
    func stopAsking(_ why: String) {
        let first = books.withLock { books in
            guard books.outage == nil else { return false }
            books.outage = why
            books.counts.unreachable = true
            return true
        }
        guard first else { return }
        logger.warning("remote cache \(endpoint.shown) is unusable (\(why)); this build goes on with the local cache only",
                       metadata: ["event": "remote_cache_outage"])
    }

    /// Ends uploads for this build (the server refused one), telling why once; downloads go on.
    func stopSending(_ why: String) {
        let first = books.withLock { books in
            guard books.uploadsRefused == nil else { return false }
            books.uploadsRefused = why
            return true
        }
        guard first else { return }
        logger.warning("remote cache \(endpoint.shown) refused an upload (\(why)); nothing more is sent to it this build",
                       metadata: ["event": "remote_cache_refused"])
    }

    private func reject(object digest: SHA256Digest) {
        let warn = books.withLock { books in
            books.counts.rejected += 1
            books.damaged.insert(digest)
            defer { books.warnedObject = true }
            return !books.warnedObject
        }
        if warn {
            logger.warning("remote cache \(endpoint.shown): object \(digest.hex) does not match its digest; ignored, and made here instead",
                           metadata: ["event": "remote_cache_rejected"])
        }
    }

    private func reject(entryFor key: SHA256Digest) {
        let warn = books.withLock { books in
            books.counts.rejected += 1
            defer { books.warnedEntry = true }
            return !books.warnedEntry
        }
        if warn {
            logger.warning("remote cache \(endpoint.shown): the entry for \(key.hex) is not one this altbuild reads (damaged, or another version's); ignored",
                           metadata: ["event": "remote_cache_rejected"])
        }
    }

    /// A remote hit that could not be kept locally: the build uses it anyway,
    /// and the next build asks the remote again.
    func couldNotKeep(_ what: String, _ error: any Error) {
        logger.warning("could not keep \(what) from the remote cache in the local cache: \(error)",
                       metadata: ["event": "remote_cache_local_write"])
    }
}
