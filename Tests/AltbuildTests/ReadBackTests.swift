import Testing
import Foundation
import AltbuildSupport
@testable import OOXML

/// A rewrite is checked by reading back only the slides it edited
/// (`Deck.writtenSlots`, `writtenNotesBlocks`), with the walk the rewriter
/// addressed them by: what that reads must be what the full inventory reads.
@Suite struct ReadBackTests {
    static func decks() throws -> [Deck] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
        var decks = [try Deck(bytes: Fixtures.kitchenSink().bytes(), path: "sink.pptx"),
                     try Deck(bytes: Fixtures.kitchenSink(strict: true).bytes(), path: "strict.pptx")]
        for name in FileIO.list(root + "/examples") where name.hasSuffix(".pptx") {
            decks.append(try Deck(path: root + "/examples/" + name))
        }
        return decks
    }

    /// Every slide of every deck, before and after a rewrite that gives each
    /// slot a text, marks every third decorative and writes a notes block.
    @Test func theReadBackIsWhatTheInventoryReads() throws {
        for deck in try Self.decks() {
            let slots = try deck.inventory().slots
            let edits = DeckEdits(
                slots: slots.map { AltTextEdit(part: $0.part, ordinal: $0.ordinal, descr: "Text \($0.ordinal) <&>", markDecorative: $0.ordinal % 3 == 0) },
                notes: deck.slideParts.prefix(2).map { NotesEdit(part: $0, paragraphs: [NotesBlock.marker(""), "Long text.", NotesBlock.marker("")]) })
            #expect(!edits.isEmpty, "\(deck.path)")
            let rewritten = try Deck(bytes: try DeckRewriter.rewrite(deck, edits: edits), path: deck.path)
            for checked in [deck, rewritten] {
                let inventory = try checked.inventory()
                let parts = Set(checked.slideParts)
                let slots = try checked.writtenSlots(of: parts)
                let notes = try checked.writtenNotesBlocks(of: parts)
                for slide in inventory.slides {
                    #expect(slots[slide.part] == slide.slots.map { WrittenSlot(descr: $0.descr, isDecorative: $0.isDecorative) }, "\(deck.path) \(slide.part)")
                    #expect(notes[slide.part] == slide.notesBlock, "\(deck.path) \(slide.part)")
                }
            }
        }
    }

    /// Only the slides asked for are read.
    @Test func otherSlidesAreNotRead() throws {
        let deck = try Deck(bytes: Fixtures.kitchenSink().bytes(), path: "sink.pptx")
        let first = try #require(deck.slideParts.first)
        #expect(try Set(deck.writtenSlots(of: [first]).keys) == [first])
        #expect(try deck.writtenSlots(of: ["ppt/slides/none.xml"]).isEmpty)
    }
}
