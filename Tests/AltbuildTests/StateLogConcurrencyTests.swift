import Testing
import Foundation
import AltbuildSupport
@testable import BuildEngine

/// One state log shared by several tasks, as in a build: targets finish and
/// append on many tasks while others look records up, and compaction may run
/// at any moment. Nothing appended may be lost or torn.
@Suite struct StateLogConcurrencyTests {
    static let writers = 6
    static let targetsPerWriter = 30
    static let rounds = 4

    func record(writer: Int, target: Int, round: Int) -> TargetRecord {
        let name = "w\(writer)/deck\(target).pptx"
        return TargetRecord(
            target: name, status: round % 2 == 0 ? .succeeded : .failed, key: SHA256.hash(name + "\(round)"),
            inputDigest: SHA256.hash("in" + name), inputStatus: nil, statRecordedAt: Int64(round),
            outputPath: "out/" + name, outputDigest: nil, outputStatus: nil, manifestDigest: nil,
            // Two configurations, so compaction renumbers them while appends name them.
            configuration: "writer=\(writer % 2)", errorCode: nil, errorMessage: nil,
            seconds: Double(round), buildID: "round\(round)", finishedAt: Int64(target))
    }

    @Test func appendsLookupsAndCompactionsFromSeveralTasksLoseNothing() async throws {
        let path = Fixtures.temporaryDirectory() + "/state.log"
        let log = StateLog(path: path)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for writer in 0..<Self.writers {
                group.addTask { try appendEveryRound(to: log, writer: writer) }
            }
            group.addTask {
                for _ in 0..<Self.rounds * 8 {
                    try log.compact()
                    _ = log.records
                    await Task.yield()
                }
            }
            try await group.waitForAll()
        }
        let reopened = StateLog(path: path)
        #expect(reopened.recovery == nil)
        for writer in 0..<Self.writers {
            for target in 0..<Self.targetsPerWriter {
                let last = record(writer: writer, target: target, round: Self.rounds - 1)
                #expect(log.record(for: last.target) == last)
                #expect(reopened.record(for: last.target) == last)
            }
        }
        #expect(reopened.records.count == Self.writers * Self.targetsPerWriter)
        try expectEveryLineIntact(path)
    }

    /// Every round appends each of the writer's targets once and looks them up.
    private func appendEveryRound(to log: StateLog, writer: Int) throws {
        for round in 0..<Self.rounds {
            for target in 0..<Self.targetsPerWriter {
                let written = record(writer: writer, target: target, round: round)
                try log.append(written)
                let read = log.record(for: written.target)
                #expect(read == written)
            }
        }
    }

    /// Each line is the header, a configuration or a record whose checksum holds.
    private func expectEveryLineIntact(_ path: String) throws {
        let bytes = try FileIO.read(path)
        #expect(bytes.last == 0x0A)
        var configurations: [String: String] = [:]
        for line in bytes.split(separator: 0x0A) {
            let intact = Array(line).withUnsafeBufferPointer { buffer -> Bool in
                if buffer.first == UInt8(ascii: "#") { return true }
                if let (id, text) = RecordLine.decodeConfiguration(buffer) {
                    configurations[id] = text
                    return true
                }
                return RecordLine.decode(buffer, configurations: configurations) != nil
            }
            #expect(intact, "\(String(decoding: line, as: UTF8.self))")
        }
    }
}
