public import AltbuildSupport
internal import CCurlLoader
import ProcessSupport
#if canImport(Glibc)
import Glibc
#endif

/// HTTP over libcurl: HTTPS, proxies from the environment, timeouts and
/// connection handling done by a library that has done them for 25 years.
/// Requests block a dedicated thread (not Swift's cooperative pool) and can
/// be cancelled through a `CancelFlag`.
public enum HTTPClient {
    /// `timeout` bounds the whole request (0: no bound); `connectTimeout` how
    /// long reaching the server may take (by default at most 10 s of `timeout`).
    /// With `compressedAnswers`, the server may send the body compressed in
    /// any encoding libcurl decodes (gzip, deflate, br, zstd); the response
    /// holds it decoded, and `maxResponseBytes` bounds the decoded size.
    public static func send(method: String, url: String, headers: [String: String] = [:], body: [UInt8]? = nil,
                            timeout: Double, connectTimeout: Double? = nil, maxResponseBytes: Int = 16 << 20,
                            compressedAnswers: Bool = false, cancel: CancelFlag = CancelFlag()) async throws -> HTTPResponse {
        let limits = Limits(total: timeout, connect: connectTimeout ?? min(timeout, 10), responseBytes: maxResponseBytes,
                            compressedAnswers: compressedAnswers)
        return try await withCheckedThrowingContinuation { continuation in
            detachThread {
                continuation.resume(with: Result {
                    try perform(method: method, url: url, headers: headers, body: body, limits: limits, cancel: cancel)
                })
            }
        }
    }

    struct Limits {
        var total: Double
        var connect: Double
        var responseBytes: Int
        var compressedAnswers: Bool
    }

    static func perform(method: String, url: String, headers: [String: String], body: [UInt8]?, limits: Limits,
                        cancel: CancelFlag) throws -> HTTPResponse {
        var loadError = [CChar](repeating: 0, count: 300)
        guard ccurl_load(&loadError, loadError.count) == 0 else { throw HTTPFailure.transfer(text(loadError)) }
        guard let handle = CurlHandles.shared.take() else { throw HTTPFailure.transfer("libcurl could not start") }
        defer { CurlHandles.shared.give(handle) }
        let curl = handle.curl
        var list: UnsafeMutablePointer<curl_slist>?
        for (name, value) in headers { list = ccurl_slist_append(list, "\(name): \(value)") }
        defer { ccurl_slist_free_all(list) }
        configure(curl, method: method, url: url, limits: limits, headers: list)
        let transfer = HTTPTransfer(limit: limits.responseBytes, cancel: cancel)
        transfer.attach(to: curl)
        var errorBuffer = [CChar](repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        let code = run(curl, body: body, errorBuffer: &errorBuffer)
        if code != CURLE_OK { throw failure(code, detail: text(errorBuffer), timeout: limits.total, transfer: transfer) }
        var status = 0
        ccurl_getinfo_long(curl, CURLINFO_RESPONSE_CODE, &status)
        return HTTPResponse(status: status, headers: transfer.headers, body: transfer.body)
    }

    /// No signals (the request runs on its own thread), the whole request
    /// and the connection within their limits, and redirects not followed: a
    /// model or cache server that redirects is misconfigured. A HEAD asks for
    /// no body (libcurl would otherwise wait for the one `Content-Length` announces).
    private static func configure(_ curl: UnsafeMutableRawPointer, method: String, url: String, limits: Limits,
                                  headers: UnsafeMutablePointer<curl_slist>?) {
        ccurl_setopt_string(curl, CURLOPT_URL, url)
        ccurl_setopt_long(curl, CURLOPT_NOSIGNAL, 1)
        ccurl_setopt_long(curl, CURLOPT_TIMEOUT_MS, Int(limits.total * 1000))
        ccurl_setopt_long(curl, CURLOPT_CONNECTTIMEOUT_MS, Int(limits.connect * 1000))
        ccurl_setopt_long(curl, CURLOPT_FOLLOWLOCATION, 0)
        if method == "HEAD" { ccurl_setopt_long(curl, CURLOPT_NOBODY, 1) }
        // The empty string asks for every encoding this libcurl can decode.
        if limits.compressedAnswers { ccurl_setopt_string(curl, CURLOPT_ACCEPT_ENCODING, "") }
        ccurl_setopt_string(curl, CURLOPT_CUSTOMREQUEST, method)
        ccurl_setopt_pointer(curl, CURLOPT_HTTPHEADER, UnsafeMutableRawPointer(headers))
    }

    /// Sends the request with `body` (if any); libcurl writes its reason for a failure into `errorBuffer`.
    private static func run(_ curl: UnsafeMutableRawPointer, body: [UInt8]?, errorBuffer: inout [CChar]) -> CURLcode {
        let bodyCopy = body ?? []
        return errorBuffer.withUnsafeMutableBufferPointer { errors in
            ccurl_setopt_pointer(curl, CURLOPT_ERRORBUFFER, errors.baseAddress)
            return bodyCopy.withUnsafeBufferPointer { raw in
                if body != nil {
                    ccurl_setopt_off(curl, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(raw.count))
                    ccurl_setopt_pointer(curl, CURLOPT_POSTFIELDS, UnsafeMutableRawPointer(mutating: raw.baseAddress))
                }
                return ccurl_easy_perform(curl)
            }
        }
    }

    /// libcurl's failure as one the describers tell apart: cancelled, timed
    /// out, no connection, or anything else (with libcurl's words for it).
    private static func failure(_ code: CURLcode, detail: String, timeout: Double, transfer: HTTPTransfer) -> HTTPFailure {
        let text = detail.isEmpty ? String(cString: ccurl_easy_strerror(code)) : detail
        switch code {
        case CURLE_ABORTED_BY_CALLBACK: return .cancelled
        case CURLE_OPERATION_TIMEDOUT: return .timedOut(timeout)
        case CURLE_COULDNT_CONNECT, CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY: return .connection(text)
        case CURLE_WRITE_ERROR where transfer.overLimit: return .transfer("the answer is over \(transfer.limit) bytes")
        default: return .transfer(text)
        }
    }

    /// A C string written into a buffer, up to its terminating NUL.
    private static func text(_ buffer: [CChar]) -> String {
        String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
