internal import CCurlLoader
import Synchronization

/// libcurl handles between requests. A handle keeps the connections it
/// opened (HTTP keep-alive, TLS sessions), so the next request to the same
/// server reuses one instead of connecting again: a build that sends
/// thousands of small records to a remote cache, or a stream of requests to
/// a model server, pays for one handshake per handle, not per request.
/// A handle serves one request at a time; its options are cleared between
/// requests (`curl_easy_reset` keeps the connections).
final class CurlHandles: Sendable {
    static let shared = CurlHandles()

    /// More are made when more requests run at once; past this many idle, they are closed.
    static let keepIdle = 8

    /// A libcurl handle, handed from one thread to the next, never used by two at once.
    struct Handle: @unchecked Sendable {
        let curl: UnsafeMutableRawPointer
    }

    private let idle = Mutex<[Handle]>([])

    /// An idle handle, or a new one; nil when libcurl cannot make one.
    func take() -> Handle? {
        if let handle = idle.withLock({ $0.popLast() }) { return handle }
        return ccurl_easy_init().map(Handle.init)
    }

    /// Takes a handle back after its request, options cleared.
    func give(_ handle: Handle) {
        ccurl_easy_reset(handle.curl)
        let kept = idle.withLock { idle in
            guard idle.count < Self.keepIdle else { return false }
            idle.append(handle)
            return true
        }
        if !kept { ccurl_easy_cleanup(handle.curl) }
    }
}
