import Testing
import Foundation
@testable import AltbuildSupport
@testable import AltbuildCore
import DeckModel
import OOXML

/// `CanonicalJSON` writes its own JSON, and stored records are named by the
/// digest of that text: it must be Foundation's, byte for byte, compact and
/// pretty, for every shape of value altbuild encodes.
@Suite struct CanonicalJSONTests {
    static func expectFoundationBytes<T: Encodable>(_ value: T, sourceLocation: SourceLocation = #_sourceLocation) throws {
        for pretty in [false, true] {
            let ours = try CanonicalJSON.encode(value, pretty: pretty)
            let foundation = try CanonicalJSON.foundationEncode(value, pretty: pretty)
            let same = ours == foundation
            #expect(same, "pretty \(pretty):\n\(String(decoding: ours, as: UTF8.self))\nFoundation:\n\(String(decoding: foundation, as: UTF8.self))",
                    sourceLocation: sourceLocation)
        }
    }

    /// The inventories of the kitchen-sink fixture and the examples (charts
    /// with numbers, tables, diagrams, groups, links), as the worker answers
    /// a scan, and the manifest, review file and recipe a build makes of them.
    @Test func deckRecordsAreFoundationsBytes() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
        var decks = [try Deck(bytes: Fixtures.kitchenSink().bytes(), path: "sink.pptx"),
                     try Deck(bytes: Fixtures.kitchenSink(strict: true).bytes(), path: "strict.pptx")]
        for name in FileIO.list(root + "/examples") where name.hasSuffix(".pptx") {
            decks.append(try Deck(path: root + "/examples/" + name))
        }
        #expect(decks.count >= 5)
        for deck in decks {
            let inventory = try deck.inventory()
            let slots = inventory.slots
            let images = Dictionary(slots.compactMap(\.mediaDigest).map { ($0.hex, ImageFacts(format: .png, width: 640, height: 480)) },
                                    uniquingKeysWith: { first, _ in first })
            try Self.expectFoundationBytes(WorkerMessages.ScanResult(inventory: inventory, images: images, media: images.mapValues(\.format)))
            let entries = slots.map { slot in
                DeckManifest.SlotEntry(slide: slot.slide, part: slot.part, ordinal: slot.ordinal, id: slot.shapeID, kind: slot.kind,
                                       mediaPart: slot.mediaPart, mediaSha256: slot.mediaDigest?.hex, state: slot.state, text: slot.descr,
                                       generated: slot.descr == nil, decorative: slot.isDecorative, needsReview: slot.ordinal % 2 == 0,
                                       descriptionKey: slot.mediaDigest?.hex)
            }
            try Self.expectFoundationBytes(DeckManifest(slides: inventory.slides.count, slots: entries))
            let review = ReviewFile(slots: slots.map { slot in
                ReviewEntry(slot: "slide\(slot.slide):\(slot.shapeID)", slide: slot.slide, name: slot.name, kind: slot.kind,
                            digest: slot.mediaDigest?.hex, state: .generated, text: slot.descr ?? "A chart of “sales” / region\n",
                            reason: slot.context.slideTitle, reviewed: slot.ordinal == 0 ? true : nil)
            })
            try Self.expectFoundationBytes(review)
            #expect(try review.encoded() == CanonicalJSON.foundationEncode(review, pretty: true) + [0x0A])
            let edits = DeckEdits(slots: slots.map { AltTextEdit(part: $0.part, ordinal: $0.ordinal, descr: "Text \($0.ordinal)", markDecorative: $0.ordinal == 1) },
                                  notes: [NotesEdit(part: "ppt/slides/slide1.xml", paragraphs: ["── altbuild ──", "a/b \"c\""], language: "de-DE")])
            try Self.expectFoundationBytes(DeckRecipe(edits: edits))
        }
    }

    struct Scalars: Codable {
        var strings: [String]
        var doubles: [Double]
        var floats: [Float]
        var integers: [Int64]
        var unsigned: [UInt64]
        var small: [Int8]
        var flags: [Bool]
        var optionals: [String?]
        var missing: Int?
        var nested: [[Int]]
        var table: [String: Int]
        var numbered: [Int: String]
        var empty: [String: [String]]
    }

    @Test func stringsNumbersAndKeyOrderAreFoundations() throws {
        let controls = String(decoding: (0..<0x20).map { UInt8($0) }, as: UTF8.self)
        let value = Scalars(
            strings: ["", controls, "\"quoted\" \\ back / slash \u{7F}", "héllo wörld", "日本語 🎉 e\u{301}", "line\r\nbreak\ttab"],
            doubles: [0, -0.0, 1, -1, 1.5, 0.1, 1e20, 1e21, 1e-7, 123_456_789.125, .pi, .leastNonzeroMagnitude, .greatestFiniteMagnitude, 1e300],
            floats: [0.1, 3.25, 1e10, -7],
            integers: [.min, .max, 0, -42],
            unsigned: [.max, 0],
            small: [.min, .max],
            flags: [true, false],
            optionals: ["a", nil],
            missing: nil,
            nested: [[], [1, 2], [[3]].flatMap { $0 }],
            table: ["b": 2, "a": 1, "B": 3, "é": 4, "e": 5, "a1": 6, "a10": 7, "a2": 8, "": 9],
            numbered: [10: "ten", 2: "two", 1: "one"],
            empty: [:])
        try Self.expectFoundationBytes(value)
        try Self.expectFoundationBytes("a top-level string / with a slash")
        try Self.expectFoundationBytes(42)
        try Self.expectFoundationBytes([Double]())
    }

    /// What synthesized conformances never do and hand-written ones may: a
    /// key twice, nothing at all, a nested or super encoder.
    struct Handwritten: Encodable {
        enum Keys: String, CodingKey { case twice, nested, list, parent }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode("first", forKey: .twice)
            try container.encode("second", forKey: .twice)
            var nested = container.nestedContainer(keyedBy: Keys.self, forKey: .nested)
            try nested.encode(1.25, forKey: .list)
            var list = container.nestedUnkeyedContainer(forKey: .list)
            try list.encode(Nothing())
            try list.encodeNil()
            var inner = list.nestedUnkeyedContainer()
            try inner.encode(UInt8(7))
            try Nothing().encode(to: container.superEncoder(forKey: .parent))
            try "above".encode(to: container.superEncoder())
        }
    }

    struct Nothing: Encodable {
        func encode(to encoder: any Encoder) throws {}
    }

    @Test func handwrittenEncodersGiveFoundationsBytes() throws {
        try Self.expectFoundationBytes(Handwritten())
        // Nothing inside another value is `{}`; nothing at all is no document.
        #expect(throws: EncodingError.self) { try CanonicalJSON.encode(Nothing()) }
        #expect(throws: EncodingError.self) { try CanonicalJSON.foundationEncode(Nothing(), pretty: false) }
    }

    /// Types Foundation writes its own way go to Foundation.
    @Test func dataAndURLsAreLeftToFoundation() throws {
        struct Special: Codable {
            var data = Data([0, 1, 2, 250])
            var url = URL(string: "https://example.com/a b")
            var date = Date(timeIntervalSinceReferenceDate: 12.5)
        }
        try Self.expectFoundationBytes(Special())
        try Self.expectFoundationBytes(Date(timeIntervalSinceReferenceDate: -3))
    }

    @Test func numbersThatAreNotJSONAreRefusedAsFoundationRefusesThem() {
        for value in [Double.nan, .infinity, -.infinity] {
            #expect(throws: EncodingError.self) { try CanonicalJSON.encode([value]) }
            #expect(throws: EncodingError.self) { try CanonicalJSON.foundationEncode([value], pretty: false) }
        }
    }

    /// The nesting limit is Foundation's: 511 levels write, 512 do not.
    @Test func nestingIsBoundedAsFoundationBoundsIt() throws {
        indirect enum Deep: Encodable {
            case leaf, node(Deep)
            func encode(to encoder: any Encoder) throws {
                var container = encoder.unkeyedContainer()
                if case .node(let inner) = self { try container.encode(inner) }
            }
        }
        func deep(_ levels: Int) -> Deep { (1..<levels).reduce(Deep.leaf) { inner, _ in .node(inner) } }
        try Self.expectFoundationBytes(deep(511))
        #expect(throws: EncodingError.self) { try CanonicalJSON.encode(deep(512)) }
        #expect(throws: (any Error).self) { try CanonicalJSON.foundationEncode(deep(512), pretty: false) }
    }
}
