import AltbuildSupport
#if canImport(Glibc)
import Glibc
#endif

/// One build per project at a time: an exclusive `flock` on `.altbuild/lock`.
/// The kernel releases it when the holder dies, however it dies, so a lock is
/// never stale. The holder writes its pid into the file so a waiting build can
/// say who it is waiting for, and removes the file when it is done, so a
/// finished or interrupted build leaves no lock file behind. A class because
/// it owns the file descriptor.
///
/// Removing the file is safe because a lock only counts on the file that is
/// at `path`: a waiter that wins the `flock` of a file removed meanwhile sees
/// that it no longer has `path`'s inode, and opens the path again.
public final class BuildLock {
    private let fd: Int32
    private let path: String

    /// Takes the lock, waiting up to `timeout` seconds; `waiting` is called
    /// once, with the holder's pid, if the lock is busy. When `abandon`
    /// becomes true while waiting (Ctrl+C), stops with `E_INTERRUPTED`.
    public init(path: String, timeout: Double, abandon: () -> Bool = { false }, waiting: (Int32?) -> Void) throws {
        try FileIO.makeDirectories(FileIO.parentDirectory(of: path))
        let start = monotonicSeconds()
        var announced = false
        var fd = try Self.openFile(path)
        while true {
            if flock(fd, LOCK_EX | LOCK_NB) == 0 {
                if Self.isCurrent(fd, path: path) { break }
                // Its holder removed the file as we waited: the lock is on whatever is at the path now.
                close(fd)
                fd = try Self.openFile(path)
                continue
            }
            let holder = BuildLock.holder(fd)
            // The holder writes its pid just after locking; give it a moment so the message can name it.
            if !announced && (holder != nil || monotonicSeconds() - start > 0.3) {
                waiting(holder)
                announced = true
            }
            if abandon() {
                close(fd)
                throw AltbuildError(.interrupted, "interrupted while waiting for another build of this project", path: path)
            }
            if monotonicSeconds() - start >= timeout {
                close(fd)
                let who = holder.map { "process \($0)" } ?? "another process"
                throw AltbuildError(.lockTimeout, "another build of this project (\(who)) still holds the lock after \(formatSeconds(timeout)); try again when it has finished, or raise --lock-timeout", path: path)
            }
            usleep(50_000)
        }
        self.fd = fd
        self.path = path
        ftruncate(fd, 0)
        let pid = String(getpid()) + "\n"
        _ = pid.withCString { pwrite(fd, $0, strlen($0), 0) }
    }

    /// Removes the file while still holding its lock (never a file another
    /// build has put at the path since), then releases the lock.
    deinit {
        if Self.isCurrent(fd, path: path) { unlink(path) }
        flock(fd, LOCK_UN)
        close(fd)
    }

    private static func openFile(_ path: String) throws -> Int32 {
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw AltbuildError(.writeFailed, "cannot open the build lock: \(FileIO.errnoText())", path: path) }
        return fd
    }

    /// Whether `fd` is the file at `path` now.
    private static func isCurrent(_ fd: Int32, path: String) -> Bool {
        var held = stat(), named = stat()
        guard fstat(fd, &held) == 0, stat(path, &named) == 0 else { return false }
        return held.st_dev == named.st_dev && held.st_ino == named.st_ino
    }

    /// True if some process holds the lock at `path` now (for read-only commands and tests).
    public static func isHeld(path: String) -> Bool {
        let fd = open(path, O_RDWR | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        if flock(fd, LOCK_EX | LOCK_NB) == 0 {
            flock(fd, LOCK_UN)
            return false
        }
        return true
    }

    private static func holder(_ fd: Int32) -> Int32? {
        var buffer = [UInt8](repeating: 0, count: 32)
        let n = pread(fd, &buffer, buffer.count, 0)
        guard n > 0 else { return nil }
        return Int32(String(decoding: buffer[0..<n], as: UTF8.self).split(separator: "\n").first ?? "")
    }
}

func formatSeconds(_ seconds: Double) -> String {
    seconds == seconds.rounded() ? "\(Int(seconds))s" : "\(seconds)s"
}
