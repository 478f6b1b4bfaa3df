import Testing
import Foundation
import AltbuildSupport
@testable import BuildEngine

/// A state log this altbuild cannot use is reported and set aside before the
/// first write, never read as empty in silence; a torn tail is still normal.
@Suite struct StateLogRecoveryTests {
    let directory = Fixtures.temporaryDirectory()
    var path: String { directory + "/state.log" }

    func record(_ target: String) -> TargetRecord {
        TargetRecord(target: target, status: .succeeded, key: SHA256.hash(target), inputDigest: SHA256.hash("in" + target),
                     inputStatus: nil, statRecordedAt: 1, outputPath: "out/" + target, outputDigest: nil, outputStatus: nil,
                     manifestDigest: nil, configuration: "a=1", errorCode: nil, errorMessage: nil, seconds: 0.5,
                     buildID: "b1", finishedAt: 2)
    }

    func setAside() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasPrefix("state.log.broken-") }
    }

    /// Loads `bytes` as the log, expects a recovery message saying `reason`,
    /// and checks that the first append keeps the old bytes beside a fresh log.
    func expectSetAside(_ bytes: [UInt8], reason: String) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let log = StateLog(path: path)
        let recovery = try #require(log.recovery)
        #expect(recovery.contains(reason), "\(recovery)")
        #expect(log.records.isEmpty)
        #expect(try setAside().isEmpty, "nothing moves before the first write")
        try log.append(record("a.pptx"))
        let aside = try setAside()
        #expect(aside.count == 1 && recovery.contains(aside[0]), "\(aside) \(recovery)")
        #expect(try FileIO.read(directory + "/" + aside[0]) == bytes)
        let reopened = StateLog(path: path)
        #expect(reopened.recovery == nil)
        #expect(reopened.record(for: "a.pptx") == record("a.pptx"))
    }

    @Test func garbageIsSetAside() throws {
        try expectSetAside(Array("PK\u{3}\u{4} this is not a state log\nat all\n".utf8), reason: "is not an altbuild state log")
    }

    @Test func aLogFromANewerAltbuildIsSetAside() throws {
        try expectSetAside(Array("# altbuild state v2\nC\tc1\tfuture\t00000000\n".utf8), reason: "newer altbuild (format v2")
    }

    @Test func anUnreadableLogIsSetAside() throws {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        let log = StateLog(path: path)
        #expect(log.recovery?.contains("cannot be read") == true, "\(log.recovery ?? "nil")")
        try log.append(record("a.pptx"))
        #expect(try setAside().count == 1)
        #expect(StateLog(path: path).record(for: "a.pptx") == record("a.pptx"))
    }

    @Test func aLogWithoutAHeaderIsStillRead() throws {
        let log = StateLog(path: path)
        try log.append(record("a.pptx"))
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try String(text.drop { $0 != "\n" }.dropFirst()).write(toFile: path, atomically: true, encoding: .utf8)
        let old = StateLog(path: path)
        #expect(old.recovery == nil)
        #expect(old.record(for: "a.pptx") == record("a.pptx"))
    }

    @Test func aMissingEmptyOrTornLogIsNoProblem() throws {
        #expect(StateLog(path: path).recovery == nil)
        for bytes in ["", "# altbuild st"] {
            try bytes.write(toFile: path, atomically: true, encoding: .utf8)
            #expect(StateLog(path: path).recovery == nil, "\(bytes)")
        }
        let log = StateLog(path: path)
        try log.append(record("a.pptx"))
        #expect(try String(contentsOfFile: path, encoding: .utf8).hasPrefix("# altbuild state v1\nC\t"))
        #expect(try setAside().isEmpty)
    }
}
