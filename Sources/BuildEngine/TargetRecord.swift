public import AltbuildSupport
#if canImport(Glibc)
import Glibc
#endif

/// What the build state remembers about one target after its last build.
public struct TargetRecord: Sendable, Equatable {
    public enum Status: String, Sendable {
        case succeeded = "ok"
        case failed
    }

    /// The input path, the target's identity.
    public var target: String
    public var status: Status
    /// The action key the target was built with.
    public var key: SHA256Digest
    public var inputDigest: SHA256Digest
    public var inputStatus: FileStatus?
    /// When `inputStatus` and `outputStatus` were taken (for the racy-clean rule).
    public var statRecordedAt: Int64
    public var outputPath: String
    public var outputDigest: SHA256Digest?
    public var outputStatus: FileStatus?
    /// A store object describing the result, in the action's own format (its manifest).
    public var manifestDigest: SHA256Digest?
    /// The canonical configuration, `name=value` per line, for `explain`.
    public var configuration: String
    public var errorCode: String?
    public var errorMessage: String?
    public var seconds: Double
    public var buildID: String
    public var finishedAt: Int64
    /// The declared inputs as they were when the target was built.
    public var declaredInputs: [DeclaredInput] = []

    public init(target: String, status: Status, key: SHA256Digest, inputDigest: SHA256Digest,
                inputStatus: FileStatus?, statRecordedAt: Int64, outputPath: String,
                outputDigest: SHA256Digest?, outputStatus: FileStatus?, manifestDigest: SHA256Digest?,
                configuration: String, errorCode: String?, errorMessage: String?, seconds: Double,
                buildID: String, finishedAt: Int64) {
        self.target = target
        self.status = status
        self.key = key
        self.inputDigest = inputDigest
        self.inputStatus = inputStatus
        self.statRecordedAt = statRecordedAt
        self.outputPath = outputPath
        self.outputDigest = outputDigest
        self.outputStatus = outputStatus
        self.manifestDigest = manifestDigest
        self.configuration = configuration
        self.errorCode = errorCode
        self.errorMessage = errorMessage
        self.seconds = seconds
        self.buildID = buildID
        self.finishedAt = finishedAt
    }
}

extension TargetRecord {
    /// The record with the declared inputs as planning found them.
    func declaring(_ inputs: [DeclaredInput]) -> TargetRecord {
        var copy = self
        copy.declaredInputs = inputs
        return copy
    }
}

/// The state log's line format: tab-separated fields with `\t`, `\n` and `\\`
/// escaped, ending in a CRC-32 of the rest of the line. The configuration is
/// stored once per log in a `C` line and records name it by a short id. Hand-written
/// rather than JSON because a no-op build reads every line and must stay cheap.
enum RecordLine {
    /// Fields of a line, checksum included; lines written before declared
    /// inputs existed have one fewer and are still read.
    static let fieldCount = 18

    static func encode(_ r: TargetRecord, configurationID: String) -> String {
        let fields: [String] = [
            escape(r.target), r.status.rawValue, r.key.hex, r.inputDigest.hex,
            r.inputStatus?.encoded ?? "-", String(r.statRecordedAt), escape(r.outputPath),
            r.outputDigest?.hex ?? "-", r.outputStatus?.encoded ?? "-", r.manifestDigest?.hex ?? "-",
            configurationID, r.errorCode.map(escape) ?? "-", r.errorMessage.map(escape) ?? "-",
            String(Int64((r.seconds * 1e6).rounded())), escape(r.buildID), String(r.finishedAt),
            encodeDeclared(r.declaredInputs),
        ]
        let body = fields.joined(separator: "\t")
        return body + "\t" + checksum(body) + "\n"
    }

    /// nil for a torn or corrupt line.
    /// A configuration line: `C`, its id, the escaped text, the checksum.
    static func encodeConfiguration(id: String, text: String) -> String {
        let body = "C\t" + id + "\t" + escape(text)
        return body + "\t" + checksum(body) + "\n"
    }

    static func decodeConfiguration(_ line: UnsafeBufferPointer<UInt8>) -> (id: String, text: String)? {
        guard let base = line.baseAddress, line.count > 12, base[0] == UInt8(ascii: "C"), base[1] == 0x09 else { return nil }
        var lastTab = line.count - 1
        while lastTab > 0 && base[lastTab] != 0x09 { lastTab -= 1 }
        guard line.count - lastTab - 1 == 8,
              UInt64(CRC32.checksum(UnsafeBufferPointer(start: base, count: lastTab))) == parseHex(base + lastTab + 1, digits: 8),
              let idEnd = memchr(base + 2, 0x09, lastTab - 2).map({ base.distance(to: $0.assumingMemoryBound(to: UInt8.self)) }) else { return nil }
        return (unescape(UnsafeBufferPointer(start: base + 2, count: idEnd - 2)),
                unescape(UnsafeBufferPointer(start: base + idEnd + 1, count: lastTab - idEnd - 1)))
    }

    /// Decodes one line from raw bytes (no trailing newline). Works on
    /// pointers because a no-op build decodes every line of the log.
    static func decode(_ line: UnsafeBufferPointer<UInt8>, configurations: [String: String]) -> TargetRecord? {
        guard let base = line.baseAddress, line.count > 17 else { return nil }
        var lastTab = line.count - 1
        while lastTab >= 0 && base[lastTab] != 0x09 { lastTab -= 1 }
        guard lastTab > 0, line.count - lastTab - 1 == 8,
              UInt64(CRC32.checksum(UnsafeBufferPointer(start: base, count: lastTab))) == parseHex(base + lastTab + 1, digits: 8) else { return nil }
        var fields: [UnsafeBufferPointer<UInt8>] = []
        fields.reserveCapacity(fieldCount - 1)
        var start = 0
        while let tab = memchr(base + start, 0x09, lastTab - start) {
            let i = base.distance(to: tab.assumingMemoryBound(to: UInt8.self))
            fields.append(UnsafeBufferPointer(start: base + start, count: i - start))
            start = i + 1
        }
        fields.append(UnsafeBufferPointer(start: base + start, count: lastTab - start))
        guard fields.count == fieldCount - 1 || fields.count == fieldCount - 2,
              let status: TargetRecord.Status = fields[1].elementsEqual("ok".utf8) ? .succeeded
                  : fields[1].elementsEqual("failed".utf8) ? .failed : nil,
              let key = SHA256Digest(hexPointer: fields[2]), let input = SHA256Digest(hexPointer: fields[3]),
              let recordedAt = integer(fields[5]), let microseconds = integer(fields[13]),
              let finished = integer(fields[15]),
              let configuration = configurations[unescape(fields[10])] else { return nil }
        let seconds = Double(microseconds) / 1e6
        func optional(_ i: Int) -> String? { isDash(fields[i]) ? nil : unescape(fields[i]) }
        var record = TargetRecord(
            target: unescape(fields[0]), status: status, key: key, inputDigest: input,
            inputStatus: fileStatus(fields[4]), statRecordedAt: recordedAt, outputPath: unescape(fields[6]),
            outputDigest: SHA256Digest(hexPointer: fields[7]), outputStatus: fileStatus(fields[8]),
            manifestDigest: SHA256Digest(hexPointer: fields[9]), configuration: configuration,
            errorCode: optional(11), errorMessage: optional(12),
            seconds: seconds, buildID: unescape(fields[14]), finishedAt: finished)
        if fields.count > 16 {
            guard let declared = decodeDeclared(fields[16]) else { return nil }
            record.declaredInputs = declared
        }
        return record
    }

    /// Declared inputs in one field: per input `digest<TAB>stat<TAB>path`
    /// (`-` for an absent file), inputs separated by newlines, all escaped.
    static func encodeDeclared(_ inputs: [DeclaredInput]) -> String {
        guard !inputs.isEmpty else { return "-" }
        return escape(inputs.map { input in
            [input.digest?.hex ?? "-", input.status?.encoded ?? "-", input.path].joined(separator: "\t")
        }.joined(separator: "\n"))
    }

    /// Split on bytes, not characters, and in place: every no-op decodes one
    /// such field per target (`String.split` walks grapheme clusters, and
    /// splitting into arrays of slices cost ~12 k instructions a record).
    static func decodeDeclared(_ field: UnsafeBufferPointer<UInt8>) -> [DeclaredInput]? {
        if isDash(field) { return [] }
        return unescapedBytes(field).withUnsafeBufferPointer { bytes in
            var inputs: [DeclaredInput] = []
            var start = 0
            while true {
                let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
                guard let input = declaredInput(UnsafeBufferPointer(rebasing: bytes[start..<end])) else { return nil }
                inputs.append(input)
                guard end < bytes.count else { return inputs }
                start = end + 1
            }
        }
    }

    /// One unescaped entry, `digest<TAB>stat<TAB>path`; nil without both tabs.
    private static func declaredInput(_ entry: UnsafeBufferPointer<UInt8>) -> DeclaredInput? {
        guard let first = entry.firstIndex(of: 0x09), let second = entry[(first + 1)...].firstIndex(of: 0x09) else { return nil }
        let digest = UnsafeBufferPointer(rebasing: entry[..<first])
        let status = UnsafeBufferPointer(rebasing: entry[(first + 1)..<second])
        return DeclaredInput(path: String(decoding: UnsafeBufferPointer(rebasing: entry[(second + 1)...]), as: UTF8.self),
                             digest: isDash(digest) ? nil : SHA256Digest(hexPointer: digest),
                             status: isDash(status) ? nil : fileStatus(status))
    }

    private static func isDash(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool { bytes.count == 1 && bytes[0] == UInt8(ascii: "-") }

    /// A decimal Int64, maybe negative; nil for anything else or on overflow.
    /// Nineteen digits (every stat time has them) fit a UInt64 unchecked, so
    /// the range is checked once, not at every digit.
    private static func integer(_ bytes: UnsafeBufferPointer<UInt8>) -> Int64? {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return nil }
        let negative = base[0] == UInt8(ascii: "-")
        var start = negative ? 1 : 0
        while bytes.count - start > 19 && base[start] == UInt8(ascii: "0") { start += 1 }
        guard start < bytes.count, bytes.count - start <= 19 else { return nil }
        var value: UInt64 = 0
        for index in start..<bytes.count {
            let digit = base[index] &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            value = value &* 10 &+ UInt64(digit)
        }
        guard value <= UInt64(Int64.max) else { return nil }
        return negative ? -Int64(value) : Int64(value)
    }

    private static func fileStatus(_ bytes: UnsafeBufferPointer<UInt8>) -> FileStatus? {
        guard let base = bytes.baseAddress else { return nil }
        var cursor = 0
        func next() -> Int64? {
            var end = cursor
            while end < bytes.count && base[end] != UInt8(ascii: ",") { end += 1 }
            defer { cursor = end + 1 }
            return integer(UnsafeBufferPointer(start: base + cursor, count: end - cursor))
        }
        guard let size = next(), let mtime = next(), let ctime = next(), let inode = next(), let device = next(),
              cursor >= bytes.count else { return nil }
        return FileStatus(size: size, mtimeNanoseconds: mtime, ctimeNanoseconds: ctime,
                          inode: UInt64(bitPattern: inode), device: UInt64(bitPattern: device))
    }

    private static func parseHex(_ p: UnsafePointer<UInt8>, digits: Int) -> UInt64? {
        var v: UInt64 = 0
        for i in 0..<digits {
            let c = p[i]
            let d: UInt64
            switch c {
            case 48...57: d = UInt64(c - 48)
            case 97...102: d = UInt64(c - 87)
            default: return nil
            }
            v = v << 4 | d
        }
        return v
    }

    static func unescape(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard hasBackslash(bytes) else { return String(decoding: bytes, as: UTF8.self) }
        return String(decoding: unescapedBytes(bytes), as: UTF8.self)
    }

    /// Copies the runs between backslashes whole: every record's declared
    /// field has escapes, and a byte at a time this cost ~15 instructions a byte.
    static func unescapedBytes(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        guard let base = bytes.baseAddress, hasBackslash(bytes) else { return Array(bytes) }
        return [UInt8](unsafeUninitializedCapacity: bytes.count) { out, count in
            guard let destination = out.baseAddress else { return }
            var start = 0
            while start < bytes.count {
                let backslash = memchr(base + start, 0x5C, bytes.count - start)
                    .map { base.distance(to: $0.assumingMemoryBound(to: UInt8.self)) } ?? bytes.count
                (destination + count).update(from: base + start, count: backslash - start)
                count += backslash - start
                // A lone backslash at the end escapes nothing and is dropped.
                guard backslash + 1 < bytes.count else { return }
                switch base[backslash + 1] {
                case UInt8(ascii: "t"): destination[count] = 0x09
                case UInt8(ascii: "n"): destination[count] = 0x0A
                case UInt8(ascii: "r"): destination[count] = 0x0D
                case let byte: destination[count] = byte
                }
                count += 1
                start = backslash + 2
            }
        }
    }

    private static func hasBackslash(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        return memchr(base, 0x5C, bytes.count) != nil
    }

    static func escape(_ s: String) -> String {
        guard s.utf8.contains(where: { $0 == 0x5C || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) else { return s.isEmpty ? "" : s }
        return s.replacingScalars { scalar in
            switch scalar {
            case "\\": return "\\\\"
            case "\t": return "\\t"
            case "\n": return "\\n"
            case "\r": return "\\r"
            default: return nil
            }
        }
    }

    /// CRC-32 of the line's body, as 8 hex digits: enough to catch a torn or garbled line.
    static func checksum(_ text: String) -> String {
        var text = text
        return text.withUTF8 { CRC32.hex($0) }
    }
}
