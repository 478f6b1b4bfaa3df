import AltbuildSupport
import BuildEngine
import Logging
import ProjectSettings
#if canImport(Glibc)
import Glibc
#endif

/// The remote cache a build's settings ask for, checked before the build
/// starts: a URL that is not http(s), or a header variable that does not
/// hold `Name: value`, stops it with a configuration error. The header's
/// value is never part of an error or a log line.
enum RemoteSettings {
    static func endpoint(_ settings: EffectiveSettings) throws -> RemoteEndpoint? {
        guard let url = settings.optionalString("remote.cache") else { return nil }
        let variable = settings.string("remote.header-env")
        var header: (name: String, value: String)?
        if !variable.isEmpty, let raw = getenv(variable), case let text = String(cString: raw), !text.isEmpty {
            guard let parsed = RemoteEndpoint.header(parsing: text) else {
                throw ConfigError("the environment variable \(variable) (\(settings.source("remote.header-env"))) must hold one header, `Name: value`; its value is not shown")
            }
            header = parsed
        }
        guard let endpoint = RemoteEndpoint(url: url, header: header, timeout: settings.seconds("remote.timeout"),
                                            upload: settings.bool("remote.upload")) else {
            throw ConfigError("remote cache \(url) (\(settings.source("remote.cache"))): expected an http:// or https:// URL")
        }
        return endpoint
    }

    /// The build's summary line for the remote cache.
    static func line(_ counts: RemoteCacheCounts) -> String {
        var line = "remote cache: \(counts.hits) hits, \(counts.misses) misses, \(counts.uploads) uploads "
            + "(\(Quantity.describe(counts.bytesDown)) down, \(Quantity.describe(counts.bytesUp)) up)"
        if counts.rejected > 0 { line += ", \(counts.rejected) downloads rejected" }
        if counts.dropped > 0 { line += ", \(counts.dropped) uploads dropped" }
        if counts.unreachable { line += "; unusable since an outage" }
        return line
    }

    /// The same counts for the build's JSON-lines log.
    static func metadata(_ counts: RemoteCacheCounts, endpoint: RemoteEndpoint) -> Logger.Metadata {
        [
            "event": "remote_cache", "url": "\(endpoint.shown)", "hits": "\(counts.hits)", "misses": "\(counts.misses)",
            "rejected": "\(counts.rejected)", "uploads": "\(counts.uploads)", "objects_up": "\(counts.objectsUp)",
            "bytes_down": "\(counts.bytesDown)", "bytes_up": "\(counts.bytesUp)", "requests": "\(counts.requests)",
            "dropped": "\(counts.dropped)", "unreachable": "\(counts.unreachable)",
        ]
    }
}
