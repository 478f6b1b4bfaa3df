#if canImport(Glibc)
import Glibc
#endif

/// The current UTC date and time of day as digits (`20261129`, `230512`),
/// for names that sort by when they were made: build ids, set-aside files.
func utcTimeDigits() -> (date: String, time: String) {
    var now = time(nil)
    var parts = tm()
    gmtime_r(&now, &parts)
    func pad(_ n: Int32, _ width: Int = 2) -> String {
        let s = String(n)
        return String(repeating: "0", count: max(0, width - s.count)) + s
    }
    return (pad(parts.tm_year + 1900, 4) + pad(parts.tm_mon + 1) + pad(parts.tm_mday),
            pad(parts.tm_hour) + pad(parts.tm_min) + pad(parts.tm_sec))
}
