#if canImport(Glibc)
import Glibc
#endif

/// What `stat` says about a file, enough to decide freshness without reading it.
public struct FileStamp: Sendable, Equatable {
    public var size: Int64
    /// Modification time in nanoseconds since the epoch.
    public var mtimeNanoseconds: Int64

    /// nil when the file does not exist.
    public init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        size = Int64(info.st_size)
        mtimeNanoseconds = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
    }
}
