public import AltbuildSupport

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
    /// A store object describing the result (for decks: the manifest of slots and texts).
    public var manifestDigest: SHA256Digest?
    /// The canonical configuration, `name=value` per line, for `explain`.
    public var configuration: String
    public var errorCode: String?
    public var errorMessage: String?
    public var seconds: Double
    public var buildID: String
    public var finishedAt: Int64

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

/// The state log's line format: tab-separated fields with `\t`, `\n` and `\\`
/// escaped, ending in an FNV-1a checksum of the rest of the line. Hand-written
/// rather than JSON because a no-op build reads every line and must stay cheap.
enum RecordLine {
    static let fieldCount = 17

    static func encode(_ r: TargetRecord) -> String {
        let fields: [String] = [
            escape(r.target), r.status.rawValue, r.key.hex, r.inputDigest.hex,
            r.inputStatus?.encoded ?? "-", String(r.statRecordedAt), escape(r.outputPath),
            r.outputDigest?.hex ?? "-", r.outputStatus?.encoded ?? "-", r.manifestDigest?.hex ?? "-",
            escape(r.configuration), r.errorCode.map(escape) ?? "-", r.errorMessage.map(escape) ?? "-",
            String(r.seconds), escape(r.buildID), String(r.finishedAt),
        ]
        let body = fields.joined(separator: "\t")
        return body + "\t" + checksum(body) + "\n"
    }

    /// nil for a torn or corrupt line.
    static func decode(_ line: Substring) -> TargetRecord? {
        guard let lastTab = line.lastIndex(of: "\t") else { return nil }
        let body = line[..<lastTab]
        guard line[line.index(after: lastTab)...] == checksum(body) else { return nil }
        let f = body.split(separator: "\t", omittingEmptySubsequences: false)
        guard f.count == fieldCount - 1,
              let status = TargetRecord.Status(rawValue: String(f[1])),
              let key = SHA256Digest(hex: String(f[2])), let input = SHA256Digest(hex: String(f[3])),
              let recordedAt = Int64(f[5]), let seconds = Double(f[13]), let finished = Int64(f[15]) else { return nil }
        return TargetRecord(
            target: unescape(f[0]), status: status, key: key, inputDigest: input,
            inputStatus: FileStatus(encoded: f[4]), statRecordedAt: recordedAt, outputPath: unescape(f[6]),
            outputDigest: SHA256Digest(hex: String(f[7])), outputStatus: FileStatus(encoded: f[8]),
            manifestDigest: SHA256Digest(hex: String(f[9])), configuration: unescape(f[10]),
            errorCode: f[11] == "-" ? nil : unescape(f[11]), errorMessage: f[12] == "-" ? nil : unescape(f[12]),
            seconds: seconds, buildID: unescape(f[14]), finishedAt: finished)
    }

    static func escape(_ s: String) -> String {
        guard s.utf8.contains(where: { $0 == 0x5C || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) else { return s.isEmpty ? "" : s }
        var out = ""
        for c in s.unicodeScalars {
            switch c {
            case "\\": out += "\\\\"
            case "\t": out += "\\t"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    static func unescape(_ s: Substring) -> String {
        guard s.contains("\\") else { return String(s) }
        var out = ""
        var escaping = false
        for c in s.unicodeScalars {
            if escaping {
                switch c {
                case "t": out += "\t"
                case "n": out += "\n"
                case "r": out += "\r"
                default: out.unicodeScalars.append(c)
                }
                escaping = false
            } else if c == "\\" {
                escaping = true
            } else {
                out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// FNV-1a, 64 bits, as 16 hex digits: enough to catch a torn or garbled line.
    static func checksum<S: StringProtocol>(_ text: S) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
