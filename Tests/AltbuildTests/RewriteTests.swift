import Testing
import Foundation
import AltbuildSupport
@testable import OOXML

@Suite struct RewriteTests {
    @Test func injectedTextReadsBackAndEverythingElseIsByteIdentical() throws {
        let input = Fixtures.kitchenSink().bytes()
        let deck = try Deck(bytes: input, path: "sink.pptx")
        let slots = try deck.inventory().slots
        let edits = slots.filter { $0.state == .missing }.map {
            AltTextEdit(part: $0.part, ordinal: $0.ordinal, descr: "Described \($0.shapeID) <&> \"quoted\"\nsecond line")
        }
        #expect(edits.count > 10)
        let output = try DeckRewriter.rewrite(deck, edits: edits)
        let reread = try Deck(bytes: output, path: "out.pptx").inventory().slots
        #expect(reread.count == slots.count)
        for (before, after) in zip(slots, reread) {
            if before.state == .missing {
                #expect(after.descr == "Described \(before.shapeID) <&> \"quoted\"\nsecond line")
                #expect(after.state == .human)
            } else {
                #expect(after.descr == before.descr)
                #expect(after.state == before.state)
            }
        }
        // Only slide parts with edits changed; all other entries are the same bytes,
        // stored the same way (not recompressed), in the same order.
        let inEntries = ZipFixture.entries(of: input)
        let outEntries = ZipFixture.entries(of: output)
        #expect(inEntries.map(\.name) == outEntries.map(\.name))
        #expect(outEntries.first?.name == "[Content_Types].xml")
        let changed = Set(edits.map(\.part))
        for (a, b) in zip(inEntries, outEntries) where !changed.contains(a.name) {
            #expect(a == b, "\(a.name) changed")
        }
        for (a, b) in zip(inEntries, outEntries) where changed.contains(a.name) {
            #expect(a.bytes != b.bytes)
        }
    }

    @Test func newlinesAreWrittenAsCharacterReferencesAndBadCharactersDropped() throws {
        let deck = try Deck(bytes: Fixtures.kitchenSink().bytes(), path: "sink.pptx")
        let output = try DeckRewriter.rewrite(deck, edits: [
            AltTextEdit(part: "ppt/slides/slide2.xml", ordinal: 0, descr: "line one\nline two\u{1}\u{B}\u{FFFE} end & <tag>")
        ])
        let slide = ZipFixture.entries(of: output).first { $0.name == "ppt/slides/slide2.xml" }
        let xml = String(decoding: try #require(slide).bytes, as: UTF8.self)
        #expect(xml.contains(#"descr="line one&#10;line two end &amp; &lt;tag&gt;""#))
        #expect(try Deck(bytes: output, path: "o").inventory().slides[1].slots[0].descr == "line one\nline two end & <tag>")
    }

    @Test func markingDecorativeMergesIntoAnExistingExtensionList() throws {
        let existingExt = #"<a:extLst><a:ext uri="{FF2B5EF4-FFF2-40B4-BE49-F238E27FC236}"><a16:creationId xmlns:a16="http://schemas.microsoft.com/office/drawing/2014/main" id="{1}"/></a:ext></a:extLst>"#
        let fixture = DeckFixture(
            slides: [.init(shapes: DeckFixture.picture(id: 5, name: "Line", extLst: existingExt) + DeckFixture.picture(id: 6, name: "Dot"),
                           relationships: [("rIdImg", "image", "../media/image1.png")])],
            parts: [("ppt/media/image1.png", DeckFixture.png)])
        let deck = try Deck(bytes: fixture.bytes(), path: "d.pptx")
        let output = try DeckRewriter.rewrite(deck, edits: [
            AltTextEdit(part: "ppt/slides/slide1.xml", ordinal: 0, descr: nil, markDecorative: true),
            AltTextEdit(part: "ppt/slides/slide1.xml", ordinal: 1, descr: nil, markDecorative: true),
        ])
        let slots = try Deck(bytes: output, path: "o").inventory().slots
        #expect(slots.map(\.state) == [.decorative, .decorative])
        let xml = String(decoding: try #require(ZipFixture.entries(of: output).first { $0.name == "ppt/slides/slide1.xml" }).bytes, as: UTF8.self)
        // One extLst per cNvPr: the first kept its creationId extension and gained the flag.
        #expect(xml.components(separatedBy: "<a:extLst>").count - 1 == 2)
        #expect(xml.contains("a16:creationId"))
        #expect(xml.components(separatedBy: "{C183D7F6-B498-43B3-948B-1728B52AA6E4}").count - 1 == 2)
        #expect(xml.contains(#"xmlns:adec="http://schemas.microsoft.com/office/drawing/2017/decorative" val="1""#))
        // Marking twice does not add a second flag.
        let again = try DeckRewriter.rewrite(try Deck(bytes: output, path: "o"), edits: [
            AltTextEdit(part: "ppt/slides/slide1.xml", ordinal: 0, descr: nil, markDecorative: true),
        ])
        let xml2 = String(decoding: try #require(ZipFixture.entries(of: again).first { $0.name == "ppt/slides/slide1.xml" }).bytes, as: UTF8.self)
        #expect(xml2.components(separatedBy: "{C183D7F6-B498-43B3-948B-1728B52AA6E4}").count - 1 == 2)
    }

    @Test func strictDecksRoundTrip() throws {
        let deck = try Deck(bytes: Fixtures.kitchenSink(strict: true).bytes(), path: "strict.pptx")
        let slots = try deck.inventory().slots
        let edits = slots.filter { $0.state == .missing }.map { AltTextEdit(part: $0.part, ordinal: $0.ordinal, descr: "Text \($0.ordinal)", markDecorative: $0.kind == .pictureFill) }
        let reread = try Deck(bytes: try DeckRewriter.rewrite(deck, edits: edits), path: "o").inventory().slots
        for edit in edits {
            let slot = try #require(reread.first { $0.part == edit.part && $0.ordinal == edit.ordinal })
            #expect(slot.descr == edit.descr)
            #expect(slot.isDecorative == edit.markDecorative)
        }
    }

    @Test func rewritingIsReproducible() throws {
        let deck = try Deck(bytes: Fixtures.kitchenSink().bytes(), path: "sink.pptx")
        let edits = [AltTextEdit(part: "ppt/slides/slide2.xml", ordinal: 0, descr: "Same text")]
        let first = try DeckRewriter.rewrite(deck, edits: edits)
        sleep(2)  // a new timestamp would show in the rewritten entry
        let second = try DeckRewriter.rewrite(deck, edits: edits)
        #expect(first == second)
    }

    @Test func xmlSafeTextKeepsTabsNewlinesAndAstralCharacters() {
        #expect(xmlSafeText("a\tb\nc\rd\u{0}e\u{1F}f😀") == "a\tb\nc\rdef😀")
        #expect(xmlSafeText("plain “text”, café") == "plain “text”, café")
        #expect(xmlSafeText("a\u{FFFE}b\u{FFFF}c\u{FFFD}\u{FEFF}") == "abc\u{FFFD}\u{FEFF}")
        #expect(xmlSafeText("\u{B}\u{C}") == "")
    }
}

@Suite struct FixtureTests {
    @Test func fixturesAreDeterministic() throws {
        let first = Fixtures.kitchenSink().bytes()
        sleep(2)
        #expect(Fixtures.kitchenSink().bytes() == first)
    }
}
