#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Putting a finished file where it belongs without holding it in memory:
/// a deck of a gigabyte passes through the build as a file, never as bytes.
extension FileIO {
    /// Moves the finished file `source` to `target` with the guarantees
    /// `writeAtomically` gives for the same `durability`: `target` holds the
    /// old content or the whole new one. A rename when both are on one
    /// filesystem (the usual case: one system call, however big the file);
    /// a streamed copy into a temp file beside `target` when they are not.
    /// `source` is gone afterwards either way, unless this throws.
    public static func place(_ source: String, at target: String, durability: Durability) throws {
        let syncFirst = durability == .immediate || (durability == .deferredKeepingOld && exists(target))
        let fd = open(source, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw AltbuildError(.writeFailed, "cannot open the finished file \(source): \(errnoText())", path: target) }
        defer { close(fd) }
        // Workers write with mkstemp's 0600; outputs are ordinary documents.
        fchmod(fd, 0o644)
        guard !syncFirst || fsync(fd) == 0 else { throw AltbuildError(.writeFailed, "fsync failed: \(errnoText())", path: target) }
        var moved = move(source, to: target)
        if !moved && errno == EXDEV {
            try writeAtomically(to: target, durability: durability) { out in try copyContents(of: fd, to: out, path: target) }
            unlink(source)
            moved = true
        }
        guard moved else { throw AltbuildError(.writeFailed, "rename into place failed: \(errnoText())", path: target) }
        if durability == .immediate { syncDirectory(parentDirectory(of: target)) }
    }

    /// Copies everything readable from `source` into `target` at their
    /// current positions: `sendfile` (the kernel copies, no user-space
    /// buffer), else a MiB at a time through one.
    public static func copyContents(of source: Int32, to target: Int32, path: String) throws {
        while true {
            let n = sendfile(target, source, nil, 1 << 30)
            if n > 0 { continue }
            if n == 0 { return }
            if errno == EINTR { continue }
            // Not supported between these two (an old kernel, an odd filesystem): copy by hand.
            if errno == EINVAL || errno == ENOSYS || errno == EOPNOTSUPP { break }
            throw AltbuildError(.writeFailed, "copy failed: \(errnoText())", path: path)
        }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 16)
        defer { buffer.deallocate() }
        while true {
            let count = try readFully(source, into: buffer, at: nil, path: path)
            if count == 0 { return }
            try writeAll(target, UnsafeRawBufferPointer(rebasing: buffer[..<count]), path: path)
        }
    }

    /// Writes a copy of the file `source` to `target`, as `writeAtomically` would write bytes.
    public static func copyAtomically(_ source: String, to target: String, durability: Durability) throws {
        let (fd, _) = try openForReading(source)
        defer { close(fd) }
        try writeAtomically(to: target, durability: durability) { out in try copyContents(of: fd, to: out, path: target) }
    }
}
