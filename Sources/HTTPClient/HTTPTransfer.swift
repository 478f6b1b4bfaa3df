internal import CCurlLoader
import AltbuildSupport

/// One request's answer as libcurl delivers it: a class so that libcurl's
/// callbacks (C functions, which capture nothing) can reach it through the
/// pointer they are given, and stop the transfer when the body goes over
/// its bound or the request is cancelled.
final class HTTPTransfer {
    private(set) var body: [UInt8] = []
    /// Header names lowercased; a repeated header keeps its last value.
    private(set) var headers: [String: String] = [:]
    let limit: Int
    private(set) var overLimit = false
    let cancel: CancelFlag

    init(limit: Int, cancel: CancelFlag) {
        self.limit = limit
        self.cancel = cancel
    }

    /// Points `curl`'s body, header and progress callbacks at this transfer,
    /// which must outlive the request (libcurl holds it unretained).
    func attach(to curl: UnsafeMutableRawPointer) {
        let context = Unmanaged.passUnretained(self).toOpaque()
        ccurl_setopt_pointer(curl, CURLOPT_WRITEDATA, context)
        ccurl_setopt_pointer(curl, CURLOPT_HEADERDATA, context)
        ccurl_setopt_pointer(curl, CURLOPT_XFERINFODATA, context)
        ccurl_setopt_long(curl, CURLOPT_NOPROGRESS, 0)
        ccurl_setopt_write(curl, CURLOPT_WRITEFUNCTION) { data, size, count, context in
            guard let data, let context else { return 0 }
            return HTTPTransfer.from(context).receiveBody(data, size * count)
        }
        ccurl_setopt_write(curl, CURLOPT_HEADERFUNCTION) { data, size, count, context in
            guard let data, let context else { return 0 }
            return HTTPTransfer.from(context).receiveHeader(data, size * count)
        }
        ccurl_setopt_progress(curl) { context, _, _, _, _ in
            guard let context else { return 0 }
            return HTTPTransfer.from(context).cancel.isCancelled ? 1 : 0
        }
    }

    private static func from(_ context: UnsafeMutableRawPointer) -> HTTPTransfer {
        Unmanaged<HTTPTransfer>.fromOpaque(context).takeUnretainedValue()
    }

    /// Appends a piece of the body; answering 0 (not `n`) makes libcurl stop with a write error.
    private func receiveBody(_ data: UnsafeMutablePointer<CChar>, _ n: Int) -> Int {
        if body.count + n > limit {
            overLimit = true
            return 0
        }
        data.withMemoryRebound(to: UInt8.self, capacity: n) { body.append(contentsOf: UnsafeBufferPointer(start: $0, count: n)) }
        return n
    }

    /// One header line, `Name: value`; the status line and the blank line have no colon.
    private func receiveHeader(_ data: UnsafeMutablePointer<CChar>, _ n: Int) -> Int {
        let line = data.withMemoryRebound(to: UInt8.self, capacity: n) { String(decoding: UnsafeBufferPointer(start: $0, count: n), as: UTF8.self) }
        if let colon = line.firstIndex(of: ":") {
            let name = line[..<colon].lowercased()
            headers[name] = String(line[line.index(after: colon)...]).trimmingWhitespace()
        }
        return n
    }
}
