import Testing
import Foundation
import AltbuildSupport
@testable import BuildEngine

/// The store keeps records deflated when that saves space, and reads what
/// it kept before compression existed.
@Suite struct StoredObjectTests {
    let store = ContentStore(root: Fixtures.temporaryDirectory())

    func onDisk(_ digest: SHA256Digest) throws -> [UInt8] {
        Array(try #require(FileManager.default.contents(atPath: store.path(of: digest))))
    }

    @Test func jsonIsStoredDeflatedAndReadBackWhole() throws {
        let record = Array(String(repeating: #"{"slide": 3, "state": "generated", "text": "Column chart"},"#, count: 200).utf8)
        let digest = try store.put(record)
        #expect(digest == SHA256.hash(record), "named by the plain bytes")
        let disk = try onDisk(digest)
        #expect(disk.count * 5 < record.count, "\(disk.count) of \(record.count) bytes")
        #expect(disk.starts(with: StoredObject.magic))
        #expect(store.get(digest) == record)
    }

    @Test func smallAndIncompressibleObjectsStayPlain() throws {
        let small = Array(#"{"version":1}"#.utf8)
        #expect(try onDisk(try store.put(small)) == small)
        var generator = SystemRandomNumberGenerator()
        let noise = (0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) }
        #expect(try onDisk(try store.put(noise)) == noise)
        #expect(store.get(SHA256.hash(noise)) == noise)
    }

    @Test func plainBytesThatLookLikeTheHeaderAreWrapped() throws {
        let tricky = StoredObject.magic + Array("not a header".utf8)
        let digest = try store.put(tricky)
        #expect(try onDisk(digest) != tricky)
        #expect(store.get(digest) == tricky)
    }

    @Test func anObjectStoredBeforeCompressionIsReadAsItIs() throws {
        let legacy = Array(String(repeating: "PK legacy whole output ", count: 100).utf8)
        let digest = SHA256.hash(legacy)
        let path = store.path(of: digest)
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(legacy).write(to: URL(fileURLWithPath: path))
        #expect(store.get(digest) == legacy)
    }

    @Test func objectsAndEntriesOfThe256FolderLayoutAreFoundAndMovedIntoPlace() throws {
        let record = Array(#"{"text":"A description a model wrote once"}"#.utf8)
        let digest = SHA256.hash(record)
        let legacy = store.legacyPath(of: digest)
        try FileManager.default.createDirectory(atPath: (legacy as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(record).write(to: URL(fileURLWithPath: legacy))
        let actions = ActionCache(root: store.root)
        let key = SHA256.hash(Array("a description's key".utf8))
        try actions.record("descriptions", key, result: digest)
        let entry = actions.path("descriptions", key)
        let oldEntry = store.root + "/actions/descriptions/" + key.hex.prefix(2) + "/" + key.hex
        try FileManager.default.createDirectory(atPath: (oldEntry as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try FileManager.default.moveItem(atPath: entry, toPath: oldEntry)

        #expect(actions.lookup("descriptions", key) == digest)
        #expect(store.get(digest) == record)
        #expect(FileManager.default.fileExists(atPath: store.path(of: digest)) && !FileManager.default.fileExists(atPath: legacy))
        #expect(FileManager.default.fileExists(atPath: entry) && !FileManager.default.fileExists(atPath: oldEntry))
    }

    @Test func aDamagedDeflatedObjectIsAMissAndIsDeleted() throws {
        let record = Array(String(repeating: "a manifest line\n", count: 300).utf8)
        let digest = try store.put(record)
        var disk = try onDisk(digest)
        disk[disk.count - 3] ^= 0xFF
        try Data(disk).write(to: URL(fileURLWithPath: store.path(of: digest)))
        #expect(store.get(digest) == nil)
        #expect(!FileManager.default.fileExists(atPath: store.path(of: digest)))
        // A header claiming more than any record holds is damage too.
        let liar = StoredObject.magic + [0x7F, 0, 0, 0, 0, 0, 0, 0] + [1, 2, 3]
        #expect(StoredObject.decode(liar) == nil)
    }
}
