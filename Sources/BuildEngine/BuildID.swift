#if canImport(Glibc)
import Glibc
#endif

/// A build's identity: UTC start time and process id, sortable and unique
/// enough for one project (`20261129-230512-4821`).
public func makeBuildID() -> String {
    let now = utcTimeDigits()
    return now.date + "-" + now.time + "-" + String(getpid())
}
