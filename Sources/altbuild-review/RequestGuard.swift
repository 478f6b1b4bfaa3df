import FlyingFox

/// Who may talk to the server. It listens on 127.0.0.1 only, but a web page
/// elsewhere can still reach it through the browser: by DNS rebinding (a
/// name of its own that resolves to 127.0.0.1, which shows in `Host`) or by
/// posting a form across origins (which shows in `Origin`, and cannot send
/// `application/json` without a preflight this server never grants).
struct RequestGuard: Sendable {
    /// The port the server listens on.
    var port: UInt16

    var allowedHosts: Set<String> { ["127.0.0.1:\(port)", "localhost:\(port)"] }
    var allowedOrigins: Set<String> { Set(allowedHosts.map { "http://" + $0 }) }

    /// Why the request is refused, or nil to serve it.
    func refusal(_ request: HTTPRequest) -> String? {
        guard let host = request.headers[.host], allowedHosts.contains(host.lowercased()) else {
            return "this server answers only to Host 127.0.0.1:\(port) or localhost:\(port)"
        }
        if let origin = request.headers[HTTPHeader("Origin")], !allowedOrigins.contains(origin.lowercased()) {
            return "requests from other origins are refused"
        }
        if request.method == .POST {
            let type = request.headers[.contentType] ?? ""
            guard type.lowercased().hasPrefix("application/json") else {
                return "decisions are posted as application/json"
            }
        }
        return nil
    }
}
