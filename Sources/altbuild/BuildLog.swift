import AltbuildSupport
import Logging
#if canImport(Glibc)
import Glibc
#endif

/// The build log: one JSON object per line in `.altbuild/logs/<build-id>.jsonl`,
/// written (not buffered) as events happen, so a crash keeps everything up to
/// it. Only the newest `keep` logs are kept.
struct JSONLinesLogHandler: LogHandler {
    private let file: LogFile
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .debug

    init?(path: String) {
        guard let file = LogFile(path: path) else { return nil }
        self.file = file
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var fields: [(String, String)] = [
            ("time", JSONText.string(isoTimestamp())),
            ("level", JSONText.string(event.level.rawValue)),
            ("message", JSONText.string("\(event.message)")),
        ]
        let merged = metadata.merging(event.metadata ?? [:]) { $1 }
        for key in merged.keys.sorted() {
            if let value = merged[key] { fields.append((key, JSONText.string("\(value)"))) }
        }
        let line = JSONText.object(fields) + "\n"
        file.write(line)
    }

    /// Deletes all but the newest `keep` logs in `directory`.
    static func prune(_ directory: String, keep: Int) {
        let logs = FileIO.list(directory).filter { $0.hasSuffix(".jsonl") }.sorted()
        for name in logs.dropLast(keep) { unlink(directory + "/" + name) }
    }
}

/// The open log file, shared by every copy of its handler. Lines from
/// several tasks are written whole, one after another.
private final class LogFile: Sendable {
    private let fd: Int32
    private let lock = Lock()

    init?(path: String) {
        // A folder that cannot be made fails the open below, which the caller reports.
        try? FileIO.makeDirectories(FileIO.parentDirectory(of: path))
        fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        if fd < 0 { return nil }
    }

    deinit { close(fd) }

    func write(_ line: String) {
        lock.withLock { FileIO.writeAll(fd, line) }
    }
}

/// Warnings and errors (and more with `-v`) on stderr, a line each. On a
/// terminal it first clears the progress line so the two do not mix.
struct ConsoleLogHandler: LogHandler {
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let prefix: String
        switch event.level {
        case .error, .critical: prefix = "error: "
        case .warning: prefix = "warning: "
        default: prefix = ""
        }
        Console.error((isatty(STDERR_FILENO) == 1 ? "\r\u{1B}[2K" : "") + prefix + "\(event.message)")
    }
}

func isoTimestamp() -> String {
    var now = timespec()
    clock_gettime(CLOCK_REALTIME, &now)
    var seconds = now.tv_sec
    var parts = tm()
    gmtime_r(&seconds, &parts)
    func pad(_ n: Int, _ width: Int = 2) -> String {
        let s = String(n)
        return String(repeating: "0", count: max(0, width - s.count)) + s
    }
    return "\(pad(Int(parts.tm_year) + 1900, 4))-\(pad(Int(parts.tm_mon) + 1))-\(pad(Int(parts.tm_mday)))T"
        + "\(pad(Int(parts.tm_hour))):\(pad(Int(parts.tm_min))):\(pad(Int(parts.tm_sec))).\(pad(now.tv_nsec / 1_000_000, 3))Z"
}

/// Peak resident memory of this process, in KiB.
func peakRSSKiB() -> Int {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return usage.ru_maxrss
}
