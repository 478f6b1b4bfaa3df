import Testing
import Foundation
import AltbuildSupport
@testable import OOXML

/// Each kind of bad input is refused with its stable code and a message that
/// names the file, and never crashes.
@Suite struct RefusalTests {
    func refusal(_ bytes: [UInt8], limits: ReadLimits = .default, inventory: Bool = false) -> AltbuildError? {
        do {
            let deck = try Deck(bytes: bytes, path: "bad.pptx", limits: limits)
            if inventory { _ = try deck.inventory() }
            return nil
        } catch let error as AltbuildError {
            return error
        } catch {
            return AltbuildError(.internalError, "\(error)")
        }
    }

    func expectRefusal(_ bytes: [UInt8], _ code: ErrorCode, limits: ReadLimits = .default, inventory: Bool = false,
                       sourceLocation: SourceLocation = #_sourceLocation) {
        let error = refusal(bytes, limits: limits, inventory: inventory)
        #expect(error?.code == code, "\(String(describing: error))", sourceLocation: sourceLocation)
        #expect(error?.path == "bad.pptx", sourceLocation: sourceLocation)
        #expect(error?.description.hasPrefix("bad.pptx: \(code):") == true, sourceLocation: sourceLocation)
    }

    func slideDeck(_ slideXML: String) -> [UInt8] {
        var fixture = DeckFixture(slides: [.init(shapes: "")])
        let good = fixture.bytes()
        fixture.parts = []
        // Replace slide1.xml with the given XML, keeping everything else.
        let entries = ZipFixture.entries(of: good).map { entry in
            (name: entry.name, bytes: entry.name == "ppt/slides/slide1.xml" ? Array(slideXML.utf8) : entry.bytes)
        }
        return ZipFixture.archive(entries)
    }

    @Test func notAZip() {
        expectRefusal(Array("just some text, not a deck".utf8), .notZip)
        expectRefusal([], .notZip)
    }

    @Test func legacyPowerPointAndEncryptedDecks() {
        let ole: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504)
        let pptName: [UInt8] = "PowerPoint Document".utf8.flatMap { [$0, 0] }
        expectRefusal(ole + pptName, .legacyPPT)
        let encryptedName: [UInt8] = "EncryptedPackage".utf8.flatMap { [$0, 0] }
        expectRefusal(ole + encryptedName, .encrypted)
    }

    @Test func truncatedArchive() {
        let good = DeckFixture(slides: [.init(shapes: "")]).bytes()
        expectRefusal(Array(good.prefix(good.count / 2)), .zipTruncated)
        expectRefusal(Array(good.prefix(good.count - 10)), .zipTruncated)
    }

    @Test func missingContentTypesOrPresentation() {
        var fixture = DeckFixture(slides: [.init(shapes: "")])
        fixture.omitContentTypes = true
        expectRefusal(fixture.bytes(), .missingContentTypes)
        fixture.omitContentTypes = false
        fixture.omitPresentation = true
        expectRefusal(fixture.bytes(), .missingPresentation)
        // A zip that is a Word document, not a presentation.
        let word = ZipFixture.archive([
            ("[Content_Types].xml", Array(#"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>"#.utf8)),
            ("_rels/.rels", Array(#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#.utf8)),
            ("word/document.xml", Array(#"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>"#.utf8)),
        ])
        expectRefusal(word, .missingPresentation)
    }

    @Test func zipBombs() {
        // 4 MiB of zeros deflates about 1000:1.
        let bomb = DeckFixture(slides: [.init(shapes: "")], parts: [("ppt/media/zeros.bin", [UInt8](repeating: 0, count: 4 << 20))])
        expectRefusal(bomb.bytes(), .zipBomb)
        var small = ReadLimits()
        small.maxEntryBytes = 1000
        let big = DeckFixture(slides: [.init(shapes: "")], parts: [("ppt/media/big.bin", (0..<5000).map { UInt8(truncatingIfNeeded: $0 &* 7919 >> 3) })])
        expectRefusal(big.bytes(), .zipBomb, limits: small)
    }

    @Test func tooManyEntries() {
        var limits = ReadLimits()
        limits.maxEntries = 5
        expectRefusal(DeckFixture(slides: [.init(shapes: ""), .init(shapes: "")]).bytes(), .zipTooManyEntries, limits: limits)
    }

    @Test func malformedSlideXML() {
        expectRefusal(slideDeck("<p:sld xmlns:p='http://schemas.openxmlformats.org/presentationml/2006/main'><p:cSld>"), .xmlMalformed, inventory: true)
    }

    @Test func externalEntitiesAreNeverResolved() throws {
        let secretPath = NSTemporaryDirectory() + "altbuild-secret-\(UUID().uuidString).txt"
        try "TOP-SECRET-VALUE".write(toFile: secretPath, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: secretPath) }
        let xxe = """
            <?xml version="1.0"?><!DOCTYPE p:sld [<!ENTITY x SYSTEM "file://\(secretPath)">]>\
            <p:sld xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">\
            <p:cSld><p:spTree><p:sp><p:nvSpPr><p:cNvPr id="2" name="&x;"/></p:nvSpPr><p:txBody><a:p><a:r><a:t>&x;</a:t></a:r></a:p></p:txBody></p:sp></p:spTree></p:cSld></p:sld>
            """
        let error = refusal(slideDeck(xxe), inventory: true)
        #expect(error?.code == .xmlDTD)
        #expect(error?.description.contains("TOP-SECRET") == false)
    }

    @Test func billionLaughsIsRefusedQuickly() {
        var entities = #"<!ENTITY l0 "lol">"#
        for i in 1...10 { entities += "<!ENTITY l\(i) \"" + String(repeating: "&l\(i - 1);", count: 10) + "\">" }
        let xml = #"<?xml version="1.0"?><!DOCTYPE p:sld [\#(entities)]><p:sld xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"><p:cSld><p:spTree>&l10;</p:spTree></p:cSld></p:sld>"#
        let error = refusal(slideDeck(xml), inventory: true)
        #expect(error?.code == .xmlDTD || error?.code == .xmlMalformed)
    }

    @Test func slideListedButMissing() {
        let good = DeckFixture(slides: [.init(shapes: "")]).bytes()
        let entries = ZipFixture.entries(of: good).filter { $0.name != "ppt/slides/slide1.xml" }.map { (name: $0.name, bytes: $0.bytes) }
        expectRefusal(ZipFixture.archive(entries), .missingPart)
    }

    @Test func readingAFileThatDoesNotExist() {
        #expect(throws: AltbuildError.self) { try Deck(path: "/nonexistent/deck.pptx") }
    }
}
