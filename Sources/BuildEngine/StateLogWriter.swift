import AltbuildSupport
#if canImport(Glibc)
import Glibc
#endif

/// The state log's file, open for appending. Each append is written whole
/// and synced (by the log's `Syncer`) before it returns. A write that fails
/// part-way closes the file, so reopening it cuts the torn line off before
/// the next one.
///
/// A value holding a descriptor: the log keeps it behind its mutex and
/// closes it when it goes away.
struct StateLogWriter: Sendable {
    let path: String
    private var fd: Int32 = -1

    init(path: String) { self.path = path }

    mutating func append(_ text: String, syncer: any Syncer) throws {
        do {
            try open()
            try FileIO.writeAll(fd, Array(text.utf8), path: path)
            try syncer.syncFile(fd, path: path)
        } catch var error as AltbuildError {
            close()
            if error.code == .writeFailed && !error.message.hasPrefix("cannot") {
                error.message = "cannot append to the build state: " + error.message
            }
            throw error
        }
    }

    /// Closes the file; the next append reopens it (after a compaction, the new file).
    mutating func close() {
        if fd >= 0 { Glibc.close(fd) }
        fd = -1
    }

    private mutating func open() throws {
        if fd >= 0 { return }
        try FileIO.makeDirectories(FileIO.parentDirectory(of: path))
        fd = Glibc.open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw failure("cannot open the build state") }
        do {
            try cutTornLine()
            let end = lseek(fd, 0, SEEK_END)
            guard end >= 0 else { throw failure("cannot seek in the build state") }
            if end == 0 { try FileIO.writeAll(fd, Array(StateLogFormat.header.utf8), path: path) }
        } catch {
            close()
            throw error
        }
    }

    /// Cuts a last line that has no newline (a write torn by a crash), so
    /// the next record starts on a line of its own.
    private func cutTornLine() throws {
        let end = lseek(fd, 0, SEEK_END)
        guard end >= 0 else { throw failure("cannot seek in the build state") }
        var position = end
        var byte: UInt8 = 0
        while position > 0 {
            guard pread(fd, &byte, 1, position - 1) == 1 else { throw failure("cannot read the build state") }
            if byte == 0x0A { break }
            position -= 1
        }
        guard position == end || ftruncate(fd, position) == 0 else { throw failure("cannot cut a torn line off the build state") }
    }

    private func failure(_ what: String) -> AltbuildError {
        AltbuildError(.writeFailed, "\(what): \(FileIO.errnoText())", path: path)
    }
}
