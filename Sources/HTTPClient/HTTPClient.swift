public import AltbuildSupport
internal import CCurlLoader
import ProcessSupport
#if canImport(Glibc)
import Glibc
#endif

/// An HTTP response: status, headers (names lowercased) and body.
public struct HTTPResponse: Sendable {
    public var status: Int
    public var headers: [String: String]
    public var body: [UInt8]

    public var text: String { String(decoding: body, as: UTF8.self) }
}

/// Why a request failed before any HTTP status arrived.
public enum HTTPFailure: Error, Sendable, CustomStringConvertible {
    /// Could not connect (refused, unreachable, DNS).
    case connection(String)
    case timedOut(Double)
    case cancelled
    /// Anything else libcurl reports (TLS, protocol, a body over the bound).
    case transfer(String)

    public var description: String {
        switch self {
        case .connection(let text): return "cannot connect: \(text)"
        case .timedOut(let seconds): return "no answer within \(seconds)s"
        case .cancelled: return "cancelled"
        case .transfer(let text): return text
        }
    }
}

/// HTTP over libcurl: HTTPS, proxies from the environment, timeouts and
/// connection handling done by a library that has done them for 25 years.
/// Requests block a dedicated thread (not Swift's cooperative pool) and can
/// be cancelled through a `CancelFlag`.
public enum HTTPClient {
    public static func send(method: String, url: String, headers: [String: String] = [:], body: [UInt8]? = nil,
                            timeout: Double, maxResponseBytes: Int = 16 << 20,
                            cancel: CancelFlag = CancelFlag()) async throws -> HTTPResponse {
        try await withCheckedThrowingContinuation { continuation in
            detachThread {
                continuation.resume(with: Result {
                    try perform(method: method, url: url, headers: headers, body: body, timeout: timeout,
                                maxResponseBytes: maxResponseBytes, cancel: cancel)
                })
            }
        }
    }


    /// What the callbacks write into; a class so libcurl can hold a pointer to it.
    private final class Transfer {
        var body: [UInt8] = []
        var headers: [String: String] = [:]
        var limit: Int
        var overLimit = false
        let cancel: CancelFlag
        init(limit: Int, cancel: CancelFlag) {
            self.limit = limit
            self.cancel = cancel
        }
    }

    static func perform(method: String, url: String, headers: [String: String], body: [UInt8]?, timeout: Double,
                        maxResponseBytes: Int, cancel: CancelFlag) throws -> HTTPResponse {
        var loadError = [CChar](repeating: 0, count: 300)
        guard ccurl_load(&loadError, loadError.count) == 0 else {
            throw HTTPFailure.transfer(String(decoding: loadError.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
        }
        guard let curl = ccurl_easy_init() else { throw HTTPFailure.transfer("libcurl could not start") }
        defer { ccurl_easy_cleanup(curl) }
        let transfer = Transfer(limit: maxResponseBytes, cancel: cancel)
        let context = Unmanaged.passUnretained(transfer).toOpaque()
        var list: UnsafeMutablePointer<curl_slist>?
        for (name, value) in headers { list = ccurl_slist_append(list, "\(name): \(value)") }
        defer { ccurl_slist_free_all(list) }
        var errorBuffer = [CChar](repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)

        ccurl_setopt_string(curl, CURLOPT_URL, url)
        ccurl_setopt_long(curl, CURLOPT_NOSIGNAL, 1)
        ccurl_setopt_long(curl, CURLOPT_TIMEOUT_MS, Int(timeout * 1000))
        ccurl_setopt_long(curl, CURLOPT_CONNECTTIMEOUT_MS, Int(min(timeout, 10) * 1000))
        ccurl_setopt_long(curl, CURLOPT_FOLLOWLOCATION, 0)
        ccurl_setopt_string(curl, CURLOPT_CUSTOMREQUEST, method)
        ccurl_setopt_pointer(curl, CURLOPT_HTTPHEADER, UnsafeMutableRawPointer(list))
        ccurl_setopt_pointer(curl, CURLOPT_WRITEDATA, context)
        ccurl_setopt_pointer(curl, CURLOPT_HEADERDATA, context)
        ccurl_setopt_pointer(curl, CURLOPT_XFERINFODATA, context)
        ccurl_setopt_long(curl, CURLOPT_NOPROGRESS, 0)
        ccurl_setopt_write(curl, CURLOPT_WRITEFUNCTION) { data, size, count, context in
            guard let data, let context else { return 0 }
            let transfer = Unmanaged<Transfer>.fromOpaque(context).takeUnretainedValue()
            let n = size * count
            if transfer.body.count + n > transfer.limit {
                transfer.overLimit = true
                return 0
            }
            data.withMemoryRebound(to: UInt8.self, capacity: n) { transfer.body.append(contentsOf: UnsafeBufferPointer(start: $0, count: n)) }
            return n
        }
        ccurl_setopt_write(curl, CURLOPT_HEADERFUNCTION) { data, size, count, context in
            guard let data, let context else { return 0 }
            let transfer = Unmanaged<Transfer>.fromOpaque(context).takeUnretainedValue()
            let n = size * count
            let line = data.withMemoryRebound(to: UInt8.self, capacity: n) { String(decoding: UnsafeBufferPointer(start: $0, count: n), as: UTF8.self) }
            if let colon = line.firstIndex(of: ":") {
                let name = line[..<colon].lowercased()
                let value = String(line[line.index(after: colon)...]).trimmingWhitespace()
                transfer.headers[name] = value
            }
            return n
        }
        ccurl_setopt_progress(curl) { context, _, _, _, _ in
            guard let context else { return 0 }
            return Unmanaged<Transfer>.fromOpaque(context).takeUnretainedValue().cancel.isCancelled ? 1 : 0
        }
        let bodyCopy = body ?? []
        let code: CURLcode = errorBuffer.withUnsafeMutableBufferPointer { errors in
            ccurl_setopt_pointer(curl, CURLOPT_ERRORBUFFER, errors.baseAddress)
            return bodyCopy.withUnsafeBufferPointer { raw in
                if body != nil {
                    ccurl_setopt_off(curl, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(raw.count))
                    ccurl_setopt_pointer(curl, CURLOPT_POSTFIELDS, UnsafeMutableRawPointer(mutating: raw.baseAddress))
                }
                return ccurl_easy_perform(curl)
            }
        }
        if code != CURLE_OK {
            let detail = String(decoding: errorBuffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            let text = detail.isEmpty ? String(cString: ccurl_easy_strerror(code)) : detail
            switch code {
            case CURLE_ABORTED_BY_CALLBACK: throw HTTPFailure.cancelled
            case CURLE_OPERATION_TIMEDOUT: throw HTTPFailure.timedOut(timeout)
            case CURLE_COULDNT_CONNECT, CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY: throw HTTPFailure.connection(text)
            case CURLE_WRITE_ERROR where transfer.overLimit: throw HTTPFailure.transfer("the answer is over \(maxResponseBytes) bytes")
            default: throw HTTPFailure.transfer(text)
            }
        }
        var status = 0
        ccurl_getinfo_long(curl, CURLINFO_RESPONSE_CODE, &status)
        return HTTPResponse(status: status, headers: transfer.headers, body: transfer.body)
    }
}
