#if canImport(Glibc)
import Glibc
#endif

/// What `stat` says about a file: enough to trust a recorded digest without
/// re-reading the file, as git's index does.
public struct FileStatus: Sendable, Equatable, Codable {
    public var size: Int64
    public var mtimeNanoseconds: Int64
    public var ctimeNanoseconds: Int64
    public var inode: UInt64
    public var device: UInt64

    public init(size: Int64, mtimeNanoseconds: Int64, ctimeNanoseconds: Int64, inode: UInt64, device: UInt64) {
        self.size = size
        self.mtimeNanoseconds = mtimeNanoseconds
        self.ctimeNanoseconds = ctimeNanoseconds
        self.inode = inode
        self.device = device
    }

    /// nil when the file does not exist or is not a regular file.
    public init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        self.init(info)
    }

    /// The open file's; nil when it is not a regular file or cannot be asked.
    public init?(descriptor: Int32) {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return nil }
        self.init(info)
    }

    private init?(_ info: stat) {
        guard (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        size = Int64(info.st_size)
        mtimeNanoseconds = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        ctimeNanoseconds = Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec)
        inode = UInt64(info.st_ino)
        device = UInt64(info.st_dev)
    }

    /// git's racy-clean rule: a file modified in the same second as (or after)
    /// the moment its digest was recorded may have changed again within that
    /// second without its mtime showing it, so its digest cannot be trusted.
    public func isRacy(recordedAt nanoseconds: Int64) -> Bool {
        mtimeNanoseconds / 1_000_000_000 >= nanoseconds / 1_000_000_000
    }

    /// `size,mtime,ctime,inode,device`, the form the state log stores.
    public var encoded: String {
        "\(size),\(mtimeNanoseconds),\(ctimeNanoseconds),\(Int64(bitPattern: inode)),\(Int64(bitPattern: device))"
    }

}

/// Wall-clock time in nanoseconds since the epoch.
public func wallClockNanoseconds() -> Int64 {
    var ts = timespec()
    clock_gettime(CLOCK_REALTIME, &ts)
    return Int64(ts.tv_sec) * 1_000_000_000 + Int64(ts.tv_nsec)
}
