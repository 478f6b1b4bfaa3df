import AltbuildSupport

/// Where a remote cache is and how to talk to it: the base URL under which
/// `cas/<sha256>` and `ac/<key>` live (Bazel's HTTP cache layout), an
/// optional header (credentials, never shown), time limits, and whether this
/// build may write to it.
public struct RemoteEndpoint: Sendable {
    /// Without a trailing slash.
    public let url: String
    /// Sent with every request. Kept out of `description`, errors and logs.
    let header: (name: String, value: String)?
    /// One request, from start to end; 0: no bound.
    public var timeout: Double
    /// Reaching the server: a host that does not answer costs this, once a build.
    public var connectTimeout: Double
    /// How long the end of a build waits for uploads still running.
    public var flushDeadline: Double { timeout > 0 ? timeout : 60 }
    public var upload: Bool

    /// A valid endpoint, or nil when `url` is not an http(s) URL.
    public init?(url: String, header: (name: String, value: String)? = nil, timeout: Double = 30, upload: Bool = true) {
        var base = url
        while base.hasSuffix("/") { base.removeLast() }
        guard base.hasPrefix("http://") || base.hasPrefix("https://"), base.split(separator: "/").count >= 2 else { return nil }
        self.url = base
        self.header = header
        self.timeout = timeout
        connectTimeout = timeout > 0 ? min(5, timeout) : 5
        self.upload = upload
    }

    /// The header `Name: value` in `text`, or nil when it is not one (no
    /// colon, an empty name, a line break). The text itself is never quoted
    /// back, since it holds a secret.
    public static func header(parsing text: String) -> (name: String, value: String)? {
        guard let colon = text.firstIndex(of: ":"), !text.contains("\n"), !text.contains("\r") else { return nil }
        let name = String(text[..<colon]).trimmingWhitespace()
        let value = String(text[text.index(after: colon)...]).trimmingWhitespace()
        guard !name.isEmpty, !name.contains(" "), !value.isEmpty else { return nil }
        return (name, value)
    }

    var headers: [String: String] { header.map { [$0.name: $0.value] } ?? [:] }

    /// The URL as it may be printed: any `user:password@` taken out.
    public var shown: String {
        // `init` accepts only these two schemes.
        let scheme = url.hasPrefix("https://") ? "https://" : "http://"
        let rest = url.dropFirst(scheme.count)
        guard let at = rest.prefix(while: { $0 != "/" }).lastIndex(of: "@") else { return url }
        return scheme + rest[rest.index(after: at)...]
    }
}
