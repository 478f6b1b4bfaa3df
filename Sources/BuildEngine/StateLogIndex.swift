#if canImport(Glibc)
import Glibc
#endif

/// What a state log holds, as the running build sees it: where each target's
/// lines are in the bytes read at load, the records appended since, and the
/// configurations by id. The log keeps it behind its mutex; lookups copy out
/// only what they need (never a whole table, which would make the next
/// append copy it) and decode outside.
struct StateLogIndex: Sendable {
    /// Where each target's last line is in the loaded bytes.
    var lines: [String: Range<Int>] = [:]
    /// Records appended (or rewritten) since loading; these win over `lines`.
    var known: [String: TargetRecord] = [:]
    /// Configurations by id, and ids by configuration.
    var configurations: [String: String] = [:]
    var configurationIDs: [String: String] = [:]
    /// Lines in the file, live or superseded.
    var lineCount = 0

    init() {}

    /// Indexes `contents` without decoding records: a build looks each of its
    /// targets up once, and most logs hold superseded lines too.
    init(indexing contents: [UInt8]) {
        contents.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            var start = 0
            // A last line without its newline is a torn write: never indexed, and cut off before the next append.
            while start < buffer.count, let found = memchr(base + start, 0x0A, buffer.count - start) {
                let end = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                add(UnsafeBufferPointer(start: base + start, count: end - start), at: start)
                start = end + 1
            }
        }
    }

    private mutating func add(_ line: UnsafeBufferPointer<UInt8>, at start: Int) {
        guard let base = line.baseAddress, !line.isEmpty, base[0] != UInt8(ascii: "#") else { return }
        if base[0] == UInt8(ascii: "C"), let (id, text) = RecordLine.decodeConfiguration(line) {
            configurations[id] = text
            configurationIDs[text] = id
            return
        }
        let tab = memchr(base, 0x09, line.count).map { base.distance(to: $0.assumingMemoryBound(to: UInt8.self)) } ?? line.count
        lines[RecordLine.unescape(UnsafeBufferPointer(start: base, count: tab))] = start..<(start + line.count)
        lineCount += 1
    }

    /// The index of a freshly compacted log: every record known, nothing left to decode.
    init(compacted records: [String: TargetRecord], configurationIDs: [String: String]) {
        known = records
        lineCount = records.count
        self.configurationIDs = configurationIDs
        configurations = Dictionary(uniqueKeysWithValues: configurationIDs.map { ($0.value, $0.key) })
    }

    var targets: Set<String> { Set(lines.keys).union(known.keys) }

    /// More than one and a half lines per target (ninja waits for three
    /// times; a no-op build here reads the whole log, so it is kept smaller).
    var needsCompaction: Bool { 2 * lineCount > 3 * max(targets.count, 1) && lineCount > 64 }

    /// The lines that append `records`: a configuration line for each
    /// configuration new to the log, numbered as if the records were
    /// appended one at a time, then the records. Nothing changes until
    /// `recordsAppended` says the lines are written.
    func lines(appending records: [TargetRecord]) -> (text: String, newConfigurations: [String: String]) {
        var text = ""
        var added: [String: String] = [:]
        for record in records {
            var id = configurationIDs[record.configuration] ?? added[record.configuration]
            if id == nil {
                let next = "c\(configurations.count + added.count + 1)"
                added[record.configuration] = next
                text += RecordLine.encodeConfiguration(id: next, text: record.configuration)
                id = next
            }
            text += RecordLine.encode(record, configurationID: id ?? "")
        }
        return (text, added)
    }

    mutating func recordsAppended(_ records: [TargetRecord], newConfigurations: [String: String]) {
        for (configuration, id) in newConfigurations {
            configurations[id] = configuration
            configurationIDs[configuration] = id
        }
        for record in records { known[record.target] = record }
        lineCount += records.count
    }

    /// The target's latest record: the one appended since loading, else the
    /// one decoded from the loaded bytes. For compaction, which holds the lock.
    func record(for target: String, in contents: [UInt8]) -> TargetRecord? {
        if let appended = known[target] { return appended }
        return lines[target].flatMap { Self.decode(target, at: $0, in: contents, configurations: configurations) }
    }

    /// The target's latest valid line at or before `range`: a corrupt last
    /// line falls back to the one before (found by a scan, since corruption is rare).
    static func decode(_ target: String, at range: Range<Int>, in contents: [UInt8], configurations: [String: String]) -> TargetRecord? {
        contents.withUnsafeBufferPointer { buffer -> TargetRecord? in
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
}
