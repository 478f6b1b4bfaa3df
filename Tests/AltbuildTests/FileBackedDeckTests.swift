import Testing
import Foundation
import AltbuildSupport
import DeckModel
@testable import OOXML
import DeckParsing

/// A deck opened from its file (`Deck(path:)`, walked a window at a time and
/// read by libzip as needed) must be the very deck its bytes make in memory:
/// the same inventory or the same refusal, word for word, on every hostile
/// deck, and the same output bytes when rewritten to a file as in memory.
///
/// The comparisons run in a child process (`IsolatedTest`): the hostile
/// corpus's 50 MB attribute costs a parse 150 MB.
@Suite(.serialized) struct FileBackedDeckTests {
    /// What opening and inventorying gives: the digest and the inventory as
    /// JSON, or the error as printed (path, code and message).
    static func outcome(_ open: () throws -> Deck) -> String {
        do {
            let deck = try open()
            let encoder = JSONEncoder()
            encoder.outputFormatting = .sortedKeys
            return "\(deck.digest) " + String(decoding: try encoder.encode(deck.inventory()), as: UTF8.self)
        } catch {
            return "\(error)"
        }
    }

    /// Every slot gets ALT text, and the first slide a notes block: both kinds of change a rewrite makes.
    static func edits(for deck: Deck) throws -> DeckEdits {
        let slots = try deck.inventory().slots.map { AltTextEdit(part: $0.part, ordinal: $0.ordinal, descr: "Described \($0.ordinal)") }
        let notes = deck.slideParts.prefix(1).map {
            NotesEdit(part: $0, paragraphs: [NotesBlock.marker(""), "A longer description.", NotesBlock.marker("")])
        }
        return DeckEdits(slots: slots, notes: notes)
    }

    /// The decks to compare: the hostile corpus, the examples, and layouts
    /// only a byte-by-byte writer makes (bytes before and after the archive,
    /// a zip64 end record, data descriptors), each as a file.
    static func decks(in folder: String) throws -> [String] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
        let result = try BinaryRunner.run([root + "/scripts/hostile_corpus.py", folder + "/hostile"], in: folder, executable: "/usr/bin/python3")
        guard result.status == 0 else { throw AltbuildError(.internalError, "hostile_corpus.py: \(result.stderr)") }
        let fixture = ZipLayoutTests.fixture
        let layouts: [(String, [UInt8])] = [
            ("prefix-uncounted", RawZipWriter.deck(fixture, prefix: Array(repeating: 0x5A, count: 4099), counted: false).finish()),
            ("prefix-counted", RawZipWriter.deck(fixture, prefix: Array(repeating: 0x5A, count: 517)).finish()),
            ("trailing", RawZipWriter.deck(fixture).finish(trailing: Array(repeating: 0, count: 70_000))),
            ("zip64-end", RawZipWriter.deck(fixture) { $0.zip64Central = true }.finish(zip64EndRecord: true)),
            ("descriptors", RawZipWriter.deck(fixture) { $0.dataDescriptor = .withSignature }.finish()),
        ]
        for (name, bytes) in layouts { try FileIO.writeAtomically(bytes, to: "\(folder)/layouts/\(name).pptx", durable: false) }
        let files = ["hostile", "layouts"].flatMap { sub in FileIO.list("\(folder)/\(sub)").map { "\(folder)/\(sub)/\($0)" } }
        return (files + FileIO.list(root + "/examples").map { "\(root)/examples/\($0)" }).filter { $0.hasSuffix(".pptx") }
    }

    @Test func fileAndMemoryGiveTheSameInventoryOrTheSameErrorOnEveryDeck() throws {
        guard try IsolatedTest.run("FileBackedDeckTests/fileAndMemoryGiveTheSameInventoryOrTheSameErrorOnEveryDeck") else { return }
        let folder = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let decks = try Self.decks(in: folder)
        #expect(decks.count > 55)
        var opened = 0
        for path in decks {
            let fromMemory = Self.outcome { try Deck(bytes: FileIO.read(path, limit: ReadLimits.default.maxDeckBytes), path: path) }
            let fromFile = Self.outcome { try Deck(path: path) }
            #expect(fromFile == fromMemory, "\(path)")
            if !fromMemory.contains(": E_") { opened += 1 }
        }
        #expect(opened >= 15, "too few decks opened to compare rewrites")
    }

    /// The code of the AltbuildError `body` throws; nil when it throws none.
    static func code(_ body: () throws -> Void) -> ErrorCode? {
        do {
            try body()
            return nil
        } catch {
            return (error as? AltbuildError)?.code ?? .internalError
        }
    }

    /// The deck at `path` in memory, edits for it and its rewrite; nil for a
    /// deck refused on opening, inventory or rewrite (the hostile ones).
    static func rewritten(_ path: String) throws -> (edits: DeckEdits, bytes: [UInt8])? {
        do {
            let memory = try Deck(bytes: FileIO.read(path), path: path)
            let edits = try edits(for: memory)
            return (edits, try DeckRewriter.rewrite(memory, edits: edits))
        } catch is AltbuildError {
            return nil
        }
    }

    @Test func rewritingToAFileGivesTheBytesOfRewritingInMemory() throws {
        guard try IsolatedTest.run("FileBackedDeckTests/rewritingToAFileGivesTheBytesOfRewritingInMemory") else { return }
        let folder = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var compared = 0
        for path in try Self.decks(in: folder) {
            guard let (edits, expected) = try Self.rewritten(path) else { continue }
            let output = "\(folder)/out/\(compared).pptx"
            try DeckRewriter.write(try Deck(path: path), edits: edits, to: output)
            #expect(try FileIO.read(output) == expected, "\(path)")
            compared += 1
        }
        #expect(compared >= 15)
    }

    @Test func withNoEditsTheFileIsCopiedAsItIs() throws {
        let folder = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let bytes = RawZipWriter.deck(ZipLayoutTests.fixture, prefix: [1, 2, 3], counted: false).finish(trailing: [9, 9])
        try FileIO.writeAtomically(bytes, to: folder + "/in.pptx", durable: false)
        let deck = try Deck(path: folder + "/in.pptx")
        try DeckRewriter.write(deck, edits: DeckEdits(), to: folder + "/out.pptx", durable: true)
        #expect(try FileIO.read(folder + "/out.pptx") == bytes)
        #expect(try DeckRewriter.rewrite(deck, edits: DeckEdits()) == bytes)
        #expect(try deck.contents() == bytes)
        #expect(deck.digest == SHA256.hash(bytes))
    }

    /// The file is the deck while it is open: removing its path changes
    /// nothing, but writing to it fails the rewrite with E_INPUT_CHANGED and
    /// leaves no output.
    @Test func aDeckFileWrittenToAfterOpeningIsRefusedNotRewritten() throws {
        let folder = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/in.pptx"
        try FileIO.writeAtomically(ZipLayoutTests.fixture, to: path, durable: false)
        let moved = try Deck(path: path)
        try FileManager.default.removeItem(atPath: path)
        let slot = try #require(try moved.inventory().slots.first)
        let edits = DeckEdits(slots: [AltTextEdit(part: slot.part, ordinal: slot.ordinal, descr: "A photo")])
        try DeckRewriter.write(moved, edits: edits, to: folder + "/moved.pptx")
        #expect(try Deck(path: folder + "/moved.pptx").inventory().slots.first?.descr == "A photo")

        try FileIO.writeAtomically(ZipLayoutTests.fixture, to: path, durable: false)
        let deck = try Deck(path: path)
        let handle = try #require(FileHandle(forUpdatingAtPath: path))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data([0]))
        try handle.close()
        #expect(Self.code { try DeckRewriter.write(deck, edits: edits, to: folder + "/out.pptx") } == .inputChanged)
        #expect(Self.code { try DeckRewriter.write(deck, edits: DeckEdits(), to: folder + "/out.pptx") } == .inputChanged)
        #expect(!FileIO.exists(folder + "/out.pptx"))
        #expect(Self.code { try deck.checkUnchanged() } == .inputChanged)
        #expect(Self.code { _ = try deck.contents() } == .inputChanged)
    }

    /// An inject after a scan passes the status the scan hashed the file in:
    /// a file still in it is not hashed again (the digest given is taken,
    /// which a wrong one shows), and one written to since is hashed afresh,
    /// so the worker refuses it as changed.
    @Test func aFileStillAsItWasHashedIsNotHashedAgain() throws {
        let folder = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/in.pptx"
        try FileIO.writeAtomically(ZipLayoutTests.fixture, to: path, durable: false)
        let scanned = try Deck(path: path)
        let status = try #require(scanned.fileStatus)
        #expect(scanned.digest == SHA256.hash(ZipLayoutTests.fixture))
        let stand = SHA256.hash("not the deck")
        #expect(try Deck(path: path, hashed: (status, stand)).digest == stand)
        #expect(try DeckWorker.open(path, expect: scanned.digest, limits: .default, hashed: status).digest == scanned.digest)

        let handle = try #require(FileHandle(forUpdatingAtPath: path))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data([0]))
        try handle.close()
        #expect(try Deck(path: path, hashed: (status, stand)).digest == SHA256.hash(ZipLayoutTests.fixture + [0]))
        #expect(Self.code { _ = try DeckWorker.open(path, expect: scanned.digest, limits: .default, hashed: status) } == .inputChanged)
    }

    /// Refusals that come before the zip walk keep their codes from a file too.
    @Test func aFileThatIsNoDeckIsRefusedAsFromMemory() throws {
        let folder = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(Self.code { _ = try Deck(path: folder) } == .io)
        #expect(Self.code { _ = try Deck(path: folder + "/missing.pptx") } == .io)
        try FileIO.writeAtomically(ZipLayoutTests.fixture, to: folder + "/big.pptx", durable: false)
        var limits = ReadLimits.default
        limits.maxDeckBytes = 100
        #expect(Self.code { _ = try Deck(path: folder + "/big.pptx", limits: limits) } == .deckTooLarge)
    }
}
