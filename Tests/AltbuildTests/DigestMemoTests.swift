import Testing
import Foundation
import AltbuildSupport
@testable import BuildEngine

/// One build plans twice (the probe for "nothing to do", then the build):
/// a changed deck is read once, and read again only when its status moved.
@Suite struct DigestMemoTests {
    @Test func aFileInTheStatusItWasHashedInIsNotReadAgain() throws {
        let folder = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/deck.pptx"
        try FileIO.writeAtomically(Array("first".utf8), to: path, durable: false)
        let memo = DigestMemo()
        let status = try #require(FileStatus(path: path))
        #expect(try memo.digest(of: path, status: status) == SHA256.hash(Array("first".utf8)))
        // Same status given, other bytes on disk: the remembered digest shows the file was not read.
        try FileIO.writeAtomically(Array("other".utf8), to: path, durable: false)
        #expect(try memo.digest(of: path, status: status) == SHA256.hash(Array("first".utf8)))
        // The status it has now is another: read again.
        let now = try #require(FileStatus(path: path))
        #expect(now != status)
        #expect(try memo.digest(of: path, status: now) == SHA256.hash(Array("other".utf8)))
    }

    /// The planner hashes through the memo: what it hashed is there for the
    /// next planning, under the status it saw.
    @Test func thePlannerHashesThroughTheMemo() throws {
        let folder = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/deck.pptx"
        try FileIO.writeAtomically(Array("deck".utf8), to: path, durable: false)
        let status = try #require(FileStatus(path: path))
        var planner = Planner(options: BuildOptions(), configuration: "", keyForInput: { $0 })
        let memo = DigestMemo()
        planner.digests = memo
        let plan = planner.plan(DiscoveredInput(path: path, outputRelativePath: "deck.pptx"), outputPath: folder + "/out.pptx", record: nil)
        #expect(plan.inputDigest == SHA256.hash(Array("deck".utf8)))
        try FileIO.writeAtomically(Array("changed".utf8), to: path, durable: false)
        #expect(try memo.digest(of: path, status: status) == plan.inputDigest, "remembered under the status planning saw")
    }
}
