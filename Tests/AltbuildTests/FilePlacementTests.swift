import Testing
import Foundation
import AltbuildSupport

/// `FileIO.place` and `FileIO.copyAtomically`: how the build puts a deck a
/// worker wrote, or an unchanged input, where it belongs without reading it.
@Suite struct FilePlacementTests {
    let folder = Fixtures.temporaryDirectory()

    func mode(_ path: String) throws -> Int {
        try #require(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
    }

    @Test func aFinishedFileIsRenamedIntoPlaceReadableByOthers() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let source = folder + "/scratch/out.pptx", target = folder + "/build/sub/deck.pptx"
        try FileManager.default.createDirectory(atPath: folder + "/scratch", withIntermediateDirectories: true)
        #expect(FileManager.default.createFile(atPath: source, contents: Data("new".utf8), attributes: [.posixPermissions: 0o600]))
        let inode = try #require(try FileManager.default.attributesOfItem(atPath: source)[.systemFileNumber] as? Int)
        try FileIO.place(source, at: target, durability: .deferred)
        #expect(!FileManager.default.fileExists(atPath: source))
        #expect(try FileIO.read(target) == Array("new".utf8))
        #expect(try mode(target) == 0o644)
        // A rename, not a copy: the same file.
        #expect(try FileManager.default.attributesOfItem(atPath: target)[.systemFileNumber] as? Int == inode)
    }

    @Test func aPersonsFileIsReplacedWhole() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let source = folder + "/out.pptx", target = folder + "/deck.pptx"
        try FileIO.writeAtomically(Array("old".utf8), to: target, durable: false)
        try FileIO.writeAtomically(Array("new, longer".utf8), to: source, durable: false)
        try FileIO.place(source, at: target, durability: .deferredKeepingOld)
        #expect(try FileIO.read(target) == Array("new, longer".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["deck.pptx"])
    }

    /// /dev/shm is a tmpfs, another filesystem than the test's folder: the
    /// rename fails with EXDEV and the file is copied, then removed.
    @Test func acrossFilesystemsTheFileIsCopiedThenRemoved() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let source = "/dev/shm/altbuild-place-\(UInt32.random(in: 0...UInt32.max))"
        defer { unlink(source) }
        let bytes = (0..<3_000_000).map { UInt8(truncatingIfNeeded: $0 &* 7) }
        try FileIO.writeAtomically(bytes, to: source, durable: false)
        let devices = try [source, NSTemporaryDirectory()].map { path in
            try #require(try FileManager.default.attributesOfItem(atPath: path)[.systemNumber] as? Int)
        }
        #expect(devices[0] != devices[1], "the test needs /dev/shm on another filesystem than \(NSTemporaryDirectory())")
        try FileIO.place(source, at: folder + "/deck.pptx", durability: .deferred)
        #expect(!FileManager.default.fileExists(atPath: source))
        #expect(try FileIO.read(folder + "/deck.pptx") == bytes)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["deck.pptx"])
    }

    @Test func anUnchangedInputIsCopiedAndTheStreamedHashAgrees() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let bytes = (0..<2_500_000).map { UInt8(truncatingIfNeeded: $0 &* 13 &+ 1) }
        try FileIO.writeAtomically(bytes, to: folder + "/in.pptx", durable: false)
        try FileIO.copyAtomically(folder + "/in.pptx", to: folder + "/out/in.pptx", durability: .deferred)
        #expect(try FileIO.read(folder + "/out/in.pptx") == bytes)
        #expect(try SHA256.hash(contentsOf: folder + "/out/in.pptx") == SHA256.hash(bytes))
        let error = #expect(throws: AltbuildError.self) { try SHA256.hash(contentsOf: folder + "/in.pptx", limit: 1000) }
        #expect(error?.path == folder + "/in.pptx")
    }
}
