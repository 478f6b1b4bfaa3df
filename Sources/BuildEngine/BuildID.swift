#if canImport(Glibc)
import Glibc
#endif

/// A build's identity: UTC start time and process id, sortable and unique
/// enough for one project (`20261129-230512-4821`).
public func makeBuildID() -> String {
    var now = time(nil)
    var parts = tm()
    gmtime_r(&now, &parts)
    func pad(_ n: Int32, _ width: Int = 2) -> String {
        let s = String(n)
        return String(repeating: "0", count: max(0, width - s.count)) + s
    }
    return pad(parts.tm_year + 1900, 4) + pad(parts.tm_mon + 1) + pad(parts.tm_mday) + "-"
        + pad(parts.tm_hour) + pad(parts.tm_min) + pad(parts.tm_sec) + "-" + String(getpid())
}
