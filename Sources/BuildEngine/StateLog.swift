import AltbuildSupport
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// The durable build state: an append-only log of target records, one line
/// each, like `.ninja_log`.
///
/// A record is appended and fsynced as soon as its target finishes, so a
/// crash or Ctrl+C loses at most the targets in flight. Persisted state never
/// names data that is not on disk: `commit` syncs the filesystems holding a
/// target's objects and output first (their writes skip per-file fsyncs), so
/// finishing a deck costs one `syncfs` and one fsync of the log, whatever
/// the number of objects it wrote. Why per deck and not per batch of decks:
/// the promise (and `BatchTests`) is that `kill -9` loses only the decks in
/// flight, and a deck whose results were cached but not recorded would come
/// back "restored" instead of "up to date". On load, the last
/// record of each target wins and a torn or corrupt line is skipped. The log
/// is rewritten compactly (temp + fsync + rename) once it holds more than
/// one and a half times as many lines as targets.
///
/// A log that cannot be used (unreadable, not a state log, or written by a
/// newer altbuild) is not read as empty in silence: `recovery` says what
/// happened, and before anything is written the file is renamed to
/// `state.log.broken-<UTC time>` and a fresh log started.
///
/// Appends, lookups and compaction may come from several tasks at once.
public final class StateLog: Sendable {
    public let path: String
    /// What makes appends and the data they name durable.
    public let syncer: any Syncer
    /// Why the log on disk could not be used, for the front end to print as
    /// a warning; nil when it was read, or there was none.
    public let recovery: String?
    /// The log as read. Never changed, so lookups decode from it outside the lock.
    private let contents: [UInt8]
    /// Everything that changes, behind one mutex, compaction included.
    private let live: Mutex<Live>

    private struct Live: Sendable {
        var index: StateLogIndex
        var writer: StateLogWriter
        /// Where the unusable log goes before the first write; nil when there is none, or it has gone.
        var setAside: String?
    }

    /// Loads the log at `path`; a missing log is an empty state.
    public init(path: String, syncer: any Syncer = FilesystemSyncer()) {
        self.path = path
        self.syncer = syncer
        let (bytes, problem) = Self.load(path)
        var live = Live(index: StateLogIndex(), writer: StateLogWriter(path: path), setAside: nil)
        if let problem {
            let aside = StateLogFormat.setAsidePath(for: path)
            recovery = "the build state \(path) \(problem); it is kept as \(aside) and a fresh one is started"
            contents = []
            live.setAside = aside
        } else {
            recovery = nil
            contents = bytes
            live.index = StateLogIndex(indexing: bytes)
        }
        self.live = Mutex(live)
    }

    private static func load(_ path: String) -> (bytes: [UInt8], problem: String?) {
        do {
            let bytes = try FileIO.read(path)
            return (bytes, StateLogFormat.problem(in: bytes))
        } catch {
            guard FileIO.exists(path) else { return ([], nil) }
            return ([], "cannot be read (\((error as? AltbuildError)?.message ?? "\(error)"))")
        }
    }

    deinit { live.withLock { $0.writer.close() } }

    /// Lines in the file, live or superseded.
    public var lineCount: Int { live.withLock { $0.index.lineCount } }

    /// The target's latest valid record.
    public func record(for target: String) -> TargetRecord? {
        // Only this target's entries are copied out, and decoded outside the lock, so planning can look records up from several threads.
        let (appended, range, configurations) = live.withLock { ($0.index.known[target], $0.index.lines[target], $0.index.configurations) }
        if let appended { return appended }
        guard let range else { return nil }
        return StateLogIndex.decode(target, at: range, in: contents, configurations: configurations)
    }

    /// Every target's latest record.
    public var records: [String: TargetRecord] {
        var all: [String: TargetRecord] = [:]
        for target in live.withLock({ $0.index.targets }) {
            if let record = record(for: target) { all[target] = record }
        }
        return all
    }

    /// Appends `record` and makes it durable before returning.
    public func append(_ record: TargetRecord) throws {
        try append(contentsOf: [record])
    }

    /// Makes the data `record` names durable (everything written on the
    /// filesystems holding `directories`), then appends the record and makes
    /// it durable. The sync happens outside the lock: lookups and other
    /// targets' appends do not wait for it.
    public func commit(_ record: TargetRecord, dataIn directories: [String]) throws {
        try syncer.syncFilesystems(holding: directories)
        try append(record)
    }

    /// Appends `records` with one write and one fsync: for records that name
    /// no data of their own, such as the stat-cache refreshes of a no-op, so
    /// 240 racily clean decks cost one fsync rather than 240.
    public func append(contentsOf records: [TargetRecord]) throws {
        guard !records.isEmpty else { return }
        try live.withLock { live in
            try setAsideIfNeeded(&live)
            let (text, newConfigurations) = live.index.lines(appending: records)
            try live.writer.append(text, syncer: syncer)
            live.index.recordsAppended(records, newConfigurations: newConfigurations)
        }
    }

    /// Rewrites the log once it has grown past one and a half times its live records.
    public func compactIfNeeded() throws {
        try live.withLock { live in
            if live.index.needsCompaction { try compact(&live) }
        }
    }

    public func compact() throws {
        try live.withLock { try compact(&$0) }
    }

    /// Rewrites the log with each target's latest record. The lock is held
    /// throughout, so no append can land in the old file once it has been read.
    private func compact(_ live: inout Live) throws {
        var text = StateLogFormat.header
        var ids: [String: String] = [:]
        var all: [String: TargetRecord] = [:]
        for target in live.index.targets.sorted() {
            guard let record = live.index.record(for: target, in: contents) else { continue }
            all[target] = record
            if ids[record.configuration] == nil {
                let id = "c\(ids.count + 1)"
                ids[record.configuration] = id
                text += RecordLine.encodeConfiguration(id: id, text: record.configuration)
            }
            text += RecordLine.encode(record, configurationID: ids[record.configuration] ?? "")
        }
        try setAsideIfNeeded(&live)
        live.writer.close()
        try FileIO.writeAtomically(Array(text.utf8), to: path)
        live.index = StateLogIndex(compacted: all, configurationIDs: ids)
    }

    /// Moves an unusable log out of the way before anything is written over it.
    private func setAsideIfNeeded(_ live: inout Live) throws {
        guard let aside = live.setAside else { return }
        guard rename(path, aside) == 0 || errno == ENOENT else {
            throw AltbuildError(.writeFailed, "cannot set the unusable build state aside as \(aside): \(FileIO.errnoText())", path: path)
        }
        live.setAside = nil
    }
}
