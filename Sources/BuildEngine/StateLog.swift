import AltbuildSupport
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
/// one and a half times as many lines as targets (ninja waits for three
/// times; a no-op build here reads the whole log, so it is kept smaller).
public final class StateLog: @unchecked Sendable {
    /// Targets finish on several tasks at once; one lock serialises the log.
    private let lock = Lock()
    public let path: String
    /// Lines in the file, live or superseded.
    public private(set) var lineCount = 0
    private var fd: Int32 = -1

    /// The log as read, and where each target's lines are in it (oldest
    /// first). Records are decoded only when asked for: a build looks up each
    /// of its targets once, and most logs hold superseded lines too.
    private let contents: [UInt8]
    private var lines: [String: Range<Int>] = [:]
    /// Records appended (or rewritten) since loading.
    private var known: [String: TargetRecord] = [:]
    /// Configurations by id, and ids by configuration.
    private var configurations: [String: String] = [:]
    private var configurationIDs: [String: String] = [:]

    static let header = "# altbuild state v1\n"

    /// Loads the log at `path`; a missing log is an empty state.
    public init(path: String) {
        self.path = path
        contents = (try? FileIO.read(path)) ?? []
        var index: [String: Range<Int>] = [:]
        var count = 0
        contents.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            var start = 0
            // A last line without its newline is a torn write: never indexed, and cut off before the next append.
            while start < buffer.count, let found = memchr(base + start, 0x0A, buffer.count - start) {
                let end = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                if end > start && base[start] == UInt8(ascii: "C"),
                   let (id, text) = RecordLine.decodeConfiguration(UnsafeBufferPointer(start: base + start, count: end - start)) {
                    configurations[id] = text
                    configurationIDs[text] = id
                } else if end > start && base[start] != UInt8(ascii: "#") {
                    let tab = memchr(base + start, 0x09, end - start).map { base.distance(to: $0.assumingMemoryBound(to: UInt8.self)) } ?? end
                    let target = RecordLine.unescape(UnsafeBufferPointer(start: base + start, count: tab - start))
                    index[target] = start..<end
                    count += 1
                }
                start = end + 1
            }
        }
        lines = index
        lineCount = count
    }

    /// The target's latest valid record: a corrupt last line falls back to
    /// the one before (found by a scan, since corruption is rare).
    public func record(for target: String) -> TargetRecord? {
        // Decoding happens outside the lock, so planning can look records up from several threads.
        let (appended, range, configurations) = lock.withLock { (known[target], lines[target], self.configurations) }
        if let appended { return appended }
        guard let range else { return nil }
        return contents.withUnsafeBufferPointer { buffer -> TargetRecord? in
            guard let base = buffer.baseAddress else { return nil }
            if let record = RecordLine.decode(UnsafeBufferPointer(start: base + range.lowerBound, count: range.count), configurations: configurations) {
                return record
            }
            var latest: TargetRecord?
            var start = 0
            for end in 0..<range.lowerBound where base[end] == 0x0A {
                if let record = RecordLine.decode(UnsafeBufferPointer(start: base + start, count: end - start), configurations: configurations),
                   record.target == target {
                    latest = record
                }
                start = end + 1
            }
            return latest
        }
    }

    /// Every target's latest record.
    public var records: [String: TargetRecord] {
        var all: [String: TargetRecord] = [:]
        let targets = lock.withLock { Set(lines.keys).union(known.keys) }
        for target in targets {
            if let record = record(for: target) { all[target] = record }
        }
        return all
    }

    deinit { if fd >= 0 { close(fd) } }

    /// Appends `record` and makes it durable before returning.
    public func append(_ record: TargetRecord) throws {
        try lock.withLock { try unlockedAppend(record) }
    }

    private func unlockedAppend(_ record: TargetRecord) throws {
        try openForAppend()
        var text = ""
        let id: String
        if let known = configurationIDs[record.configuration] {
            id = known
        } else {
            id = "c\(configurations.count + 1)"
            text += RecordLine.encodeConfiguration(id: id, text: record.configuration)
            configurations[id] = record.configuration
            configurationIDs[record.configuration] = id
        }
        text += RecordLine.encode(record, configurationID: id)
        let line = Array(text.utf8)
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
        known[record.target] = record
        lineCount += 1
    }

    /// Rewrites the log once it has grown past one and a half times its live records.
    public func compactIfNeeded() throws {
        let live = Set(lines.keys).union(known.keys).count
        if 2 * lineCount > 3 * max(live, 1) && lineCount > 64 { try compact() }
    }

    public func compact() throws {
        if fd >= 0 { close(fd); fd = -1 }
        let all = records
        var text = StateLog.header
        var ids: [String: String] = [:]
        for key in all.keys.sorted() {
            guard let record = all[key] else { continue }
            if ids[record.configuration] == nil {
                let id = "c\(ids.count + 1)"
                ids[record.configuration] = id
                text += RecordLine.encodeConfiguration(id: id, text: record.configuration)
            }
            text += RecordLine.encode(record, configurationID: ids[record.configuration] ?? "")
        }
        try FileIO.writeAtomically(Array(text.utf8), to: path)
        known = all
        lines = [:]
        lineCount = all.count
        configurationIDs = ids
        configurations = Dictionary(uniqueKeysWithValues: ids.map { ($0.value, $0.key) })
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
