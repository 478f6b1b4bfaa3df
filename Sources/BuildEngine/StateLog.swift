public import AltbuildSupport
#if canImport(Glibc)
import Glibc
#endif

/// The durable build state: an append-only log of target records, one line
/// each, like `.ninja_log`.
///
/// A record is appended and fsynced as soon as its target finishes, so a
/// crash or Ctrl+C loses at most the targets in flight. On load, the last
/// record of each target wins and a torn or corrupt line is skipped. The log
/// is rewritten compactly (temp + fsync + rename) once it holds more than
/// three times as many lines as targets.
public final class StateLog {
    public let path: String
    public private(set) var records: [String: TargetRecord] = [:]
    /// Lines in the file, live or superseded.
    public private(set) var lineCount = 0
    private var fd: Int32 = -1

    static let header = "# altbuild state v1\n"

    /// Loads the log at `path`; a missing log is an empty state.
    public init(path: String) {
        self.path = path
        guard let bytes = try? FileIO.read(path) else { return }
        var start = 0
        var index = 0
        let count = bytes.count
        while index < count {
            if bytes[index] == 0x0A {
                if index > start && bytes[start] != UInt8(ascii: "#") {
                    let line = String(decoding: bytes[start..<index], as: UTF8.self)
                    if let record = RecordLine.decode(line[...]) {
                        records[record.target] = record
                        lineCount += 1
                    }
                }
                start = index + 1
            }
            index += 1
        }
        // A last line without its newline is a torn write: ignored, and cut off before the next append.
    }

    deinit { if fd >= 0 { close(fd) } }

    public func record(for target: String) -> TargetRecord? { records[target] }

    /// Appends `record` and makes it durable before returning.
    public func append(_ record: TargetRecord) throws {
        try openForAppend()
        let line = Array(RecordLine.encode(record).utf8)
        var done = 0
        while done < line.count {
            let n = line.withUnsafeBytes { raw -> Int in
                guard let base = raw.baseAddress else { return 0 }
                return write(fd, base + done, raw.count - done)
            }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { throw AltbuildError(.writeFailed, "cannot append to the build state: \(FileIO.errnoText())", path: path) }
            done += n
        }
        fsync(fd)
        records[record.target] = record
        lineCount += 1
    }

    /// Drops records of targets `keep` rejects (for example outputs removed by `clean`).
    public func forget(where predicate: (TargetRecord) -> Bool) throws {
        records = records.filter { !predicate($0.value) }
        try compact()
    }

    /// Rewrites the log if it has grown to three times its live records.
    public func compactIfNeeded() throws {
        if lineCount > 3 * max(records.count, 1) && lineCount > 64 { try compact() }
    }

    public func compact() throws {
        if fd >= 0 { close(fd); fd = -1 }
        var text = StateLog.header
        for key in records.keys.sorted() {
            if let record = records[key] { text += RecordLine.encode(record) }
        }
        try FileIO.writeAtomically(Array(text.utf8), to: path)
        lineCount = records.count
    }

    private func openForAppend() throws {
        if fd >= 0 { return }
        try FileIO.makeDirectories(FileIO.parentDirectory(of: path))
        fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw AltbuildError(.writeFailed, "cannot open the build state: \(FileIO.errnoText())", path: path) }
        // Cut a torn last line so the next record starts on a line of its own.
        let end = lseek(fd, 0, SEEK_END)
        if end == 0 {
            _ = StateLog.header.withCString { write(fd, $0, strlen($0)) }
        } else {
            var last: UInt8 = 0
            if pread(fd, &last, 1, end - 1) == 1 && last != 0x0A {
                var position = end - 1
                var byte: UInt8 = 0
                while position > 0 && pread(fd, &byte, 1, position - 1) == 1 && byte != 0x0A { position -= 1 }
                ftruncate(fd, position)
            }
        }
        lseek(fd, 0, SEEK_END)
    }
}
