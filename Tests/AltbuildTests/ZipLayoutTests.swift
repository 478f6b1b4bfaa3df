import Testing
import AltbuildSupport
@testable import OOXML

/// Zip layouts that real writers produce must open, inventory and rewrite;
/// layouts that only an attacker or a broken writer produces are refused
/// with their own code. The archives are written byte by byte (RawZipWriter).
@Suite struct ZipLayoutTests {
    typealias Entry = RawZipWriter.Entry

    /// One slide with a picture that lacks ALT text: something to inventory and to edit.
    static let fixture = DeckFixture(
        slides: [.init(shapes: DeckFixture.picture(id: 2, name: "Photo"), relationships: [("rIdImg", "image", "../media/image1.png")])],
        parts: [("ppt/media/image1.png", DeckFixture.png)]
    ).bytes()

    static let slide = "ppt/slides/slide1.xml"

    /// The fixture's entries through RawZipWriter, each changed by `change`.
    func deck(prefix: [UInt8] = [], counted: Bool = true, _ change: (inout Entry) -> Void = { _ in }) -> RawZipWriter {
        RawZipWriter.deck(Self.fixture, prefix: prefix, counted: counted, change)
    }

    /// Opens and inventories `bytes`, writes ALT text into the slide, and
    /// checks the output reads back in altbuild and in libzip's strict mode.
    func expectRoundTrip(_ bytes: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) throws {
        let deck = try Deck(bytes: bytes, path: "layout.pptx")
        let slot = try #require(deck.inventory().slots.first, sourceLocation: sourceLocation)
        #expect(slot.state == .missing, sourceLocation: sourceLocation)
        let output = try DeckRewriter.rewrite(deck, edits: [AltTextEdit(part: slot.part, ordinal: slot.ordinal, descr: "A photo")])
        let reread = try Deck(bytes: output, path: "out.pptx").inventory().slots
        #expect(reread.first?.descr == "A photo", sourceLocation: sourceLocation)
        #expect(ZipFixture.strictOpenError(output) == nil, sourceLocation: sourceLocation)
    }

    /// Expects opening and inventorying `bytes` to fail with `code`, in a message that mentions `mention`.
    func expectRefusal(_ bytes: [UInt8], _ code: ErrorCode, mentioning mention: String,
                       sourceLocation: SourceLocation = #_sourceLocation) {
        do {
            _ = try Deck(bytes: bytes, path: "bad.pptx").inventory()
            Issue.record("opened, expected \(code)", sourceLocation: sourceLocation)
        } catch let error as AltbuildError {
            #expect(error.code == code, "\(error)", sourceLocation: sourceLocation)
            #expect(error.message.contains(mention), "\(error)", sourceLocation: sourceLocation)
        } catch {
            Issue.record("\(error)", sourceLocation: sourceLocation)
        }
    }

    // MARK: - What .NET's System.IO.Packaging writes (the repro deck)

    @Test func paddingExtraFieldInLocalHeadersOnly() throws {
        try expectRoundTrip(deck { $0.localExtra = RawZipWriter.paddingExtra(516) }.finish())
    }

    /// What made libzip's ZIP_CHECKCONS refuse the repro deck.
    @Test func localAndCentralTimesDiffer() throws {
        try expectRoundTrip(deck { entry in
            if entry.name == Array(Self.slide.utf8) { entry.localDosTime = entry.dosTime &+ 17 }
        }.finish())
    }

    /// A rewrite used to keep the first entries' local headers as they were
    /// and re-encode their dates in the central directory: DOS date 0 came
    /// back as 1980-11-30, and the output no longer read back.
    @Test func dosDateZeroBeforeTheEditedSlide() throws {
        var entries = ZipFixture.entries(of: Self.fixture)
        let slide = entries.partition { $0.name == Self.slide }
        var writer = RawZipWriter()
        var media = Entry("ppt/media/big.bin", (0..<20_000).map { UInt8(truncatingIfNeeded: $0 &* 7919 >> 3) }, method: .store)
        media.dosTime = 0
        media.dosDate = 0
        writer.add(media)
        for source in entries[..<slide] + entries[slide...] {
            var entry = Entry(source.name, source.bytes)
            entry.dosTime = 0
            entry.dosDate = 0
            writer.add(entry)
        }
        try expectRoundTrip(writer.finish())
    }

    // MARK: - Other things real writers do

    @Test func extraFieldsInTheCentralDirectoryOnly() throws {
        let timestamp = [0x55, 0x54, 0x05, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00] as [UInt8]
        try expectRoundTrip(deck { $0.centralExtra = timestamp }.finish())
    }

    @Test func dataDescriptorsWithAndWithoutSignature() throws {
        try expectRoundTrip(deck { $0.dataDescriptor = .withSignature }.finish())
        try expectRoundTrip(deck { $0.dataDescriptor = .withoutSignature }.finish())
        try expectRoundTrip(deck { entry in
            entry.dataDescriptor = .withSignature
            entry.method = .store
        }.finish())
    }

    @Test func zip64FieldsInLocalOrCentralHeadersOrBoth() throws {
        try expectRoundTrip(deck { $0.zip64Local = true }.finish())
        try expectRoundTrip(deck { $0.zip64Central = true }.finish(zip64EndRecord: true))
        try expectRoundTrip(deck { entry in
            entry.zip64Local = true
            entry.zip64Central = true
            entry.dataDescriptor = .withSignature
        }.finish(zip64EndRecord: true))
    }

    @Test func versionNeededDiffersBetweenHeaders() throws {
        try expectRoundTrip(deck { $0.localVersionNeeded = 45 }.finish())
        try expectRoundTrip(deck { $0.versionNeeded = 45 }.finish())
    }

    /// unzip and Python's zipfile read past bytes after the end record
    /// (download padding, signatures) and before the archive (a stub the
    /// offsets count, or data prepended without adjusting them).
    @Test func bytesBeforeAndAfterTheArchive() throws {
        try expectRoundTrip(deck().finish(trailing: [UInt8](repeating: 0, count: 100)))
        try expectRoundTrip(deck().finish(trailing: Array("signed by someone".utf8)))
        let stub = Array("#!/bin/sh\nexit 0\n".utf8)
        try expectRoundTrip(deck(prefix: stub).finish())
        try expectRoundTrip(deck(prefix: stub, counted: false).finish())
        try expectRoundTrip(deck(prefix: stub, counted: false) { $0.zip64Central = true }.finish(zip64EndRecord: true))
    }

    // MARK: - CRC

    @Test func aBadCRCIsFoundWhenTheEntryIsRead() throws {
        expectRefusal(deck { entry in
            if entry.name == Array(Self.slide.utf8) { entry.declaredCRC = 0x1234_5678 }
        }.finish(), .zipCorrupt, mentioning: Self.slide)
        // Stored data goes through libzip's other path; an empty entry through none.
        var writer = RawZipWriter()
        var stored = Entry("ppt/media/a.bin", Array("stored bytes".utf8), method: .store)
        stored.declaredCRC = 1
        var empty = Entry("ppt/media/empty.bin", [], method: .store)
        empty.declaredCRC = 1
        writer.add(stored)
        writer.add(empty)
        let archive = try ZipArchive(bytes: writer.finish())
        for name in ["ppt/media/a.bin", "ppt/media/empty.bin"] {
            let error = #expect(throws: AltbuildError.self) { try archive.read(name) }
            #expect(error?.code == .zipCorrupt, "\(String(describing: error))")
            #expect(error?.message.contains(name) == true)
        }
    }

    // MARK: - Overlapping entries

    @Test func twoCentralEntriesPointingAtOneLocalHeader() {
        var writer = RawZipWriter()
        let part = Entry("ppt/media/a.bin", Array("shared".utf8), method: .store)
        let offset = writer.addLocal(part)
        writer.addCentral(part, offset: offset)
        var alias = part
        alias.name = Array("ppt/media/b.bin".utf8)
        writer.addCentral(alias, offset: offset)
        expectRefusal(writer.finish(), .zipOverlap, mentioning: "ppt/media/b.bin")
    }

    /// The "better zip bomb": each entry's data holds the next entry's local
    /// header and data, so the same bytes are inflated once per entry.
    @Test func entriesWhoseDataContainsTheNextEntry() {
        let kernel = [UInt8](repeating: 0x41, count: 1000)
        var inner = Entry("ppt/media/inner.bin", kernel, method: .store)
        inner.dosDate = 0
        let outer = Entry("ppt/media/outer.bin", RawZipWriter.localRecord(inner) + kernel, method: .store)
        var writer = RawZipWriter()
        let offset = writer.addLocal(outer)
        writer.addCentral(outer, offset: offset)
        writer.addCentral(inner, offset: offset + 30 + outer.name.count)
        expectRefusal(writer.finish(), .zipOverlap, mentioning: "inner.bin")
    }

    @Test func dataThatRunsIntoTheCentralDirectory() {
        var writer = RawZipWriter()
        let part = Entry("ppt/media/a.bin", Array("short".utf8), method: .store)
        var longer = part
        longer.data += [0, 0, 0]
        writer.addLocal(part)
        writer.addCentral(longer, offset: 0)
        expectRefusal(writer.finish(), .zipOverlap, mentioning: "central directory")
    }

    // MARK: - Names

    @Test func duplicateNames() {
        var exact = RawZipWriter.deck(Self.fixture)
        exact.add(Entry(Self.slide, Array("<x/>".utf8)))
        expectRefusal(exact.finish(), .zipDuplicate, mentioning: Self.slide)
        var cased = RawZipWriter.deck(Self.fixture)
        cased.add(Entry("PPT/Slides/Slide1.xml", Array("<x/>".utf8)))
        expectRefusal(cased.finish(), .zipDuplicate, mentioning: "PPT/Slides/Slide1.xml")
        var normalised = RawZipWriter.deck(Self.fixture)
        normalised.add(Entry("ppt/media/caf\u{E9}.png", DeckFixture.png))
        normalised.add(Entry("ppt/media/cafe\u{301}.png", DeckFixture.png))
        expectRefusal(normalised.finish(), .zipDuplicate, mentioning: "ppt/media/caf")
    }

    @Test func namesNoPartMayHave() {
        for name in ["/ppt/slides/slide9.xml", "ppt/../../slide9.xml", "ppt\\slides\\slide9.xml", "ppt/slides/slide9.xml\u{0}.png"] {
            var writer = RawZipWriter.deck(Self.fixture)
            writer.add(Entry(name, Array("<x/>".utf8)))
            expectRefusal(writer.finish(), .zipUnsafeName, mentioning: "slide9.xml")
        }
    }

    @Test func localHeaderNamesAnotherEntry() {
        expectRefusal(deck { entry in
            if entry.name == Array(Self.slide.utf8) { entry.localName = Array("ppt/slides/slide2.xml".utf8) }
        }.finish(), .zipCorrupt, mentioning: "slide2.xml")
    }

    /// OPC compares names ASCII case-insensitively and after NFC; Swift's
    /// String equality and hashing already use canonical equivalence.
    @Test func opcNameKeys() {
        func key(_ text: String) -> String { ZipEntryName(raw: Array(text.utf8)).opcKey }
        #expect(key("caf\u{E9}") == key("cafe\u{301}"))
        #expect(Set([key("caf\u{E9}"), key("cafe\u{301}")]).count == 1)
        #expect(key("PPT/Slides/A.XML") == key("ppt/slides/a.xml"))
        #expect(key("\u{C9}") != key("\u{E9}"))  // only ASCII letters fold
        #expect(key("\u{FB01}") != key("fi"))  // compatibility forms stay apart
        #expect(ZipEntryName(raw: Array("ppt/slides/..slide.xml".utf8)).unsafeReason == nil)
        #expect(ZipEntryName(raw: Array("ppt/slides/../x.xml".utf8)).unsafeReason != nil)
        for name in ["..", "../x.xml", "ppt/..", "ppt//../x"] {
            #expect(ZipEntryName(raw: Array(name.utf8)).unsafeReason != nil, "\(name)")
        }
        for name in ["", ".", "...", "ppt/.../x", "ppt/./x", "ppt/.x./y", "x.."] {
            #expect(ZipEntryName(raw: Array(name.utf8)).unsafeReason == nil, "\(name)")
        }
    }
}
