import AltbuildSupport
#if canImport(Glibc)
import Glibc
#endif

/// One build per project at a time: an exclusive `flock` on `.altbuild/lock`.
/// The kernel releases it when the holder dies, however it dies, so a lock is
/// never stale. The holder writes its pid into the file so a waiting build can
/// say who it is waiting for. A class because it owns the file descriptor.
public final class BuildLock {
    private let fd: Int32

    /// Takes the lock, waiting up to `timeout` seconds; `waiting` is called
    /// once, with the holder's pid, if the lock is busy.
    public init(path: String, timeout: Double, waiting: (Int32?) -> Void) throws {
        try FileIO.makeDirectories(FileIO.parentDirectory(of: path))
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw AltbuildError(.writeFailed, "cannot open the build lock: \(FileIO.errnoText())", path: path) }
        let start = monotonicSeconds()
        var announced = false
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            let holder = BuildLock.holder(fd)
            // The holder writes its pid just after locking; give it a moment so the message can name it.
            if !announced && (holder != nil || monotonicSeconds() - start > 0.3) {
                waiting(holder)
                announced = true
            }
            if monotonicSeconds() - start >= timeout {
                close(fd)
                let who = holder.map { "process \($0)" } ?? "another process"
                throw AltbuildError(.lockTimeout, "another build of this project (\(who)) still holds the lock after \(formatSeconds(timeout)); try again when it has finished, or raise --lock-timeout", path: path)
            }
            usleep(50_000)
        }
        self.fd = fd
        ftruncate(fd, 0)
        let pid = String(getpid()) + "\n"
        _ = pid.withCString { pwrite(fd, $0, strlen($0), 0) }
    }

    deinit {
        ftruncate(fd, 0)
        flock(fd, LOCK_UN)
        close(fd)
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
