import Testing
import AltbuildSupport
@testable import BuildEngine

/// The pieces a no-op build runs for every deck in the state log: hex
/// digests read eight digits at a time, numbers read without a check per
/// digit, escaped fields copied run by run. Each must read exactly what the
/// plain, digit-by-digit reading read, and reject what it rejected.
struct StateLineDecodingTests {
    /// The obvious reading of 64 hex digits, to compare against.
    static func referenceDigest(_ text: [UInt8]) -> [UInt8]? {
        guard text.count == 64 else { return nil }
        func value(_ c: UInt8) -> UInt8? {
            switch c {
            case 0x30...0x39: return c - 0x30
            case 0x61...0x66: return c - 0x61 + 10
            case 0x41...0x46: return c - 0x41 + 10
            default: return nil
            }
        }
        var bytes: [UInt8] = []
        for i in stride(from: 0, to: 64, by: 2) {
            guard let high = value(text[i]), let low = value(text[i + 1]) else { return nil }
            bytes.append(high << 4 | low)
        }
        return bytes
    }

    static func parse(_ text: [UInt8]) -> SHA256Digest? {
        text.withUnsafeBufferPointer { SHA256Digest(hexPointer: $0) }
    }

    @Test func digestsReadAsTheirHexSays() {
        let digest = SHA256.hash("altbuild")
        #expect(Self.parse(Array(digest.hex.utf8)) == digest)
        #expect(Self.parse(Array(digest.hex.uppercased().utf8)) == digest)
        let mixed = Array("0123456789abcdefABCDEF0123456789abcdefABCDEF0123456789abcdef0A1b".utf8)
        #expect(Self.parse(mixed)?.bytes == Self.referenceDigest(mixed))
        #expect(Self.parse(mixed)?.hex == String(decoding: mixed, as: UTF8.self).lowercased())
    }

    /// Every byte value, in every position of an eight-digit group (and the
    /// first and last of the digest): accepted exactly when it is a hex digit.
    @Test func everyNonDigitAnywhereIsRejected() {
        let base = Array(SHA256.hash("x").hex.utf8)
        for position in [0, 1, 2, 3, 4, 5, 6, 7, 8, 15, 16, 31, 32, 55, 63] {
            for byte in UInt8.min...UInt8.max {
                var text = base
                text[position] = byte
                let expected = Self.referenceDigest(text)
                #expect(Self.parse(text)?.bytes == expected, "byte \(byte) at \(position)")
            }
        }
        #expect(Self.parse(Array(base.dropLast())) == nil)
        #expect(Self.parse(base + [0x30]) == nil)
        #expect(Self.parse([]) == nil)
    }

    /// SHA-256 itself, with libcrypto loaded on first use.
    @Test func hashingMatchesKnownDigests() {
        #expect(SHA256.hash("").hex == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hash("abc").hex == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        let prefix = SHA256()
        prefix.update("ab")
        let copy = prefix.copy()
        copy.update("c")
        prefix.update("x")
        #expect(copy.finalize() == SHA256.hash("abc"))
        #expect(prefix.finalize() == SHA256.hash("abx"))
    }

    static func record(target: String, status: FileStatus, declared: [DeclaredInput], recordedAt: Int64) -> TargetRecord {
        var record = TargetRecord(
            target: target, status: .succeeded, key: SHA256.hash([1]), inputDigest: SHA256.hash([2]), inputStatus: status,
            statRecordedAt: recordedAt, outputPath: "out/" + target, outputDigest: SHA256.hash([3]), outputStatus: status,
            manifestDigest: SHA256.hash([5]), configuration: "a=b", errorCode: nil, errorMessage: nil, seconds: 1.5,
            buildID: "b", finishedAt: -7)
        record.declaredInputs = declared
        return record
    }

    static func roundTrip(_ record: TargetRecord) -> TargetRecord? {
        Array(RecordLine.encode(record, configurationID: "1").utf8.dropLast())
            .withUnsafeBufferPointer { RecordLine.decode($0, configurations: ["1": "a=b"]) }
    }

    /// Numbers at the ends of their range (an inode or device past Int64.max
    /// is stored as a negative number) and paths full of escapes survive the log.
    @Test func extremeNumbersAndEscapedPathsRoundTrip() {
        let extreme = FileStatus(size: Int64.max, mtimeNanoseconds: -Int64.max, ctimeNanoseconds: 0,
                                 inode: UInt64.max, device: UInt64(Int64.max) + 2)
        let paths = ["a\\b", "tab\there", "new\nline", "cr\rhere", "\\", "end\\", "\\t literally", "plain"]
        // A declared path cannot hold a newline: the field separates its inputs with newlines before escaping.
        let declared = paths.filter { !$0.contains("\n") }.map { DeclaredInput(path: $0, digest: SHA256.hash(Array($0.utf8)), status: extreme) }
            + [DeclaredInput(path: "gone", digest: nil, status: nil)]
        for (index, path) in paths.enumerated() {
            let record = Self.record(target: path, status: extreme, declared: Array(declared[min(index, declared.count - 1)...]), recordedAt: Int64.max)
            #expect(Self.roundTrip(record) == record, "\(path)")
        }
    }

    /// A line as altbuild writes it, with one field's text replaced and the checksum made right again.
    static func line(replacing field: Int, with text: String) -> [UInt8] {
        let good = RecordLine.encode(Self.record(target: "d", status: FileStatus(size: 1, mtimeNanoseconds: 2, ctimeNanoseconds: 3, inode: 4, device: 5),
                                                 declared: [DeclaredInput(path: "r", digest: nil, status: nil)], recordedAt: 9),
                                     configurationID: "1")
        var fields = good.dropLast().split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        fields.removeLast()
        fields[field] = text
        let body = fields.joined(separator: "\t")
        return Array((body + "\t" + RecordLine.checksum(body)).utf8)
    }

    static func decode(_ bytes: [UInt8]) -> TargetRecord? {
        bytes.withUnsafeBufferPointer { RecordLine.decode($0, configurations: ["1": "a=b"]) }
    }

    /// A line whose checksum is right but whose numbers or declared field are
    /// not what altbuild writes is not a record (as before: nil, not a guess).
    @Test func malformedFieldsAreNotRecords() {
        func line(replacing field: Int, with text: String) -> [UInt8] { Self.line(replacing: field, with: text) }
        func decodes(_ bytes: [UInt8]) -> Bool { Self.decode(bytes) != nil }
        #expect(decodes(line(replacing: 5, with: "00000000000000000000012")), "leading zeros are still a number")
        #expect(decodes(line(replacing: 5, with: "-9223372036854775807")))
        for bad in ["9223372036854775808", "-9223372036854775808", "99999999999999999999", "12a", "-", "", "+1", " 1"] {
            #expect(!decodes(line(replacing: 5, with: bad)), "\(bad)")
        }
        #expect(decodes(line(replacing: 16, with: "-\\t-\\tpath")))
        for bad in ["-\\t-", "nodelimiters", "-\\t-\\tpath\\n", ""] {
            #expect(!decodes(line(replacing: 16, with: bad)), "\(bad)")
        }
    }

    /// A stat is exactly five numbers; anything else is no stat (the deck is
    /// then hashed again), not a record thrown away.
    @Test func statFieldsAreFiveNumbersExactly() {
        #expect(Self.decode(Self.line(replacing: 4, with: "1,-2,3,4,5"))?.inputStatus
                == FileStatus(size: 1, mtimeNanoseconds: -2, ctimeNanoseconds: 3, inode: 4, device: 5))
        for bad in ["1,2,3,4", "1,2,3,4,5,6", ",1,2,3,4", "1,,3,4,5", "1,2,3,4,x", "-"] {
            let record = Self.decode(Self.line(replacing: 4, with: bad))
            #expect(record != nil && record?.inputStatus == nil, "\(bad)")
        }
    }
}
