import Testing
import Foundation
@testable import AltbuildSupport
@testable import AltbuildCore
import DeckModel
import OOXML

/// `CanonicalJSON.decode` reads the worker's answers and requests in place
/// of Foundation's `JSONDecoder`: it must read what Foundation reads, to the
/// same values, and refuse what Foundation refuses.
@Suite struct JSONDecodingTests {
    /// Both read `json` as `T` to the same value, or both refuse it.
    static func expectAgreement<T: Decodable & Equatable>(_ json: String, as type: T.Type, sourceLocation: SourceLocation = #_sourceLocation) {
        expectAgreement(Array(json.utf8), as: type, sourceLocation: sourceLocation)
    }

    static func expectAgreement<T: Decodable & Equatable>(_ bytes: [UInt8], as type: T.Type, sourceLocation: SourceLocation = #_sourceLocation) {
        let ours = Result { try CanonicalJSON.decode(type, from: bytes) }
        let foundation = Result { try JSONDecoder().decode(type, from: Data(bytes)) }
        switch (ours, foundation) {
        case (.success(let a), .success(let b)):
            #expect(a == b, "\(String(decoding: bytes, as: UTF8.self)) as \(T.self)", sourceLocation: sourceLocation)
        case (.failure, .failure):
            break
        case (.success(let a), .failure(let error)):
            Issue.record("\(String(decoding: bytes, as: UTF8.self)) as \(T.self): ours read \(a), Foundation refused: \(error)", sourceLocation: sourceLocation)
        case (.failure(let error), .success(let b)):
            Issue.record("\(String(decoding: bytes, as: UTF8.self)) as \(T.self): Foundation read \(b), ours refused: \(error)", sourceLocation: sourceLocation)
        }
    }

    /// Decoded by either reader and encoded again, the records a build passes
    /// between worker and parent come out as the bytes they went in as.
    @Test func deckRecordsReadAsFoundationReadsThem() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
        var decks = [try Deck(bytes: Fixtures.kitchenSink().bytes(), path: "sink.pptx")]
        for name in FileIO.list(root + "/examples") where name.hasSuffix(".pptx") {
            decks.append(try Deck(path: root + "/examples/" + name))
        }
        for deck in decks {
            let inventory = try deck.inventory()
            let images = Dictionary(inventory.slots.compactMap(\.mediaDigest).map { ($0.hex, ImageFacts(format: .jpeg, width: 3, height: 2, refusal: "too big")) },
                                    uniquingKeysWith: { first, _ in first })
            let scan = try CanonicalJSON.encode(WorkerMessages.ScanResult(inventory: inventory, images: images, media: images.mapValues(\.format)))
            #expect(try CanonicalJSON.encode(CanonicalJSON.decode(WorkerMessages.ScanResult.self, from: scan)) == scan)
            #expect(try CanonicalJSON.encode(JSONDecoder().decode(WorkerMessages.ScanResult.self, from: Data(scan))) == scan)
            let edits = DeckEdits(slots: inventory.slots.map { AltTextEdit(part: $0.part, ordinal: $0.ordinal, descr: "Text “\($0.ordinal)”\n") },
                                  notes: [NotesEdit(part: "ppt/slides/slide1.xml", paragraphs: ["── altbuild ──"], rightToLeft: true)])
            let request = WorkerRequest(step: .inject, deck: "/decks/a b.pptx", expect: deck.digest.hex, edits: edits, output: "/tmp/out")
            #expect(try CanonicalJSON.decode(WorkerRequest.self, from: CanonicalJSON.encode(request)) == request)
        }
    }

    @Test func valuesReadAsFoundationReadsThem() {
        Self.expectAgreement(#" [1, -2, 0, 9223372036854775807, -9223372036854775808] "#, as: [Int].self)
        Self.expectAgreement(#"[1.5, -0, 0.1, 1e20, 1E+2, 2.5e-3, 5e-324, 1.7976931348623157e308, 3]"#, as: [Double].self)
        Self.expectAgreement(#"[0.1, 3.25, 1e10]"#, as: [Float].self)
        Self.expectAgreement(#"{"b": 2, "a": 1, "é": 3, "": 4}"#, as: [String: Int].self)
        Self.expectAgreement(#"{"a": 1, "a": 2}"#, as: [String: Int].self)
        Self.expectAgreement(Array(#"{"k": 1, "k": 2"#.utf8) + (0..<20).flatMap { Array(", \"x\($0)\": \($0)".utf8) } + [UInt8(ascii: "}")], as: [String: Int].self)
        // One trailing comma passes, in arrays and objects; more do not.
        for text in ["[1,]", "[1 , ]", #"{"a":1,}"#, "[1,,]", "[,]", "{,}", #"{"a":1,,}"#] {
            Self.expectAgreement(text, as: [Int].self)
            Self.expectAgreement(text, as: [String: Int].self)
        }
        Self.expectAgreement(#"["\"\\\/\b\f\n\r\t", "\u00e9\u0041", "\ud83d\ude00", "é日本", "\u0000"]"#, as: [String].self)
        Self.expectAgreement(#"[true, false]"#, as: [Bool].self)
        Self.expectAgreement(#"[null, "x"]"#, as: [String?].self)
        Self.expectAgreement(#"{"limits": {}}"#, as: [String: [String: Int]].self)
        Self.expectAgreement(#"[[], [[]]]"#, as: [[[Int]]].self)
        Self.expectAgreement(#""top""#, as: String.self)
        Self.expectAgreement(#"7"#, as: Int.self)
        // Numbers the asked type cannot hold.
        Self.expectAgreement(#"[300]"#, as: [Int8].self)
        Self.expectAgreement(#"[-1]"#, as: [UInt].self)
        Self.expectAgreement(#"[18446744073709551616]"#, as: [UInt64].self)
        Self.expectAgreement(#"[1.5]"#, as: [Int].self)
        // The wrong kind of value.
        Self.expectAgreement(#"["1"]"#, as: [Int].self)
        Self.expectAgreement(#"[1]"#, as: [String].self)
        Self.expectAgreement(#"[null]"#, as: [Int].self)
        Self.expectAgreement(#"{"a": 1}"#, as: [Int].self)
        Self.expectAgreement(#"[0]"#, as: [Bool].self)
    }

    @Test func whatIsNotJSONIsRefusedByBoth() {
        let texts = ["", " ", "{", "[", "[1,,]", #"{"a":1,,}"#, "01", "-01", "1.", ".5", "-", "1e", "1e+", "+1", "[1 2]", "{a:1}",
                     #"{"a" 1}"#, "tru", "nul", "NaN", "Infinity", "[1] x", "\"\\x\"", "\"\\u12\"", "\"\\ud800\"", "\"\\udc00\"",
                     "\"\\ud800\\u0041\"", "\"open", "[\"\u{01}\"]", "'single'", "/* c */ 1", "[1]\u{00}"]
        for text in texts {
            Self.expectAgreement(text, as: [Int].self)
            Self.expectAgreement(text, as: [String: Int].self)
            Self.expectAgreement(text, as: String.self)
            #expect(throws: (any Error).self, "\(text)") { try CanonicalJSON.decode([Int].self, from: Array(text.utf8)) }
        }
        // Bytes that are not UTF-8, inside and outside a string.
        for bytes: [UInt8] in [[0x22, 0xFF, 0x22], [0x22, 0xC3, 0x22], [0xFF]] {
            Self.expectAgreement(bytes, as: String.self)
            #expect(throws: (any Error).self) { try CanonicalJSON.decode(String.self, from: bytes) }
        }
    }

    /// Foundation's nesting limit, read as it writes.
    @Test func nestingIsBoundedAsFoundationBoundsIt() {
        for depth in [511, 512, 513] {
            let text = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
            let ours = (try? CanonicalJSON.decode(AnyArray.self, from: Array(text.utf8))) != nil
            let foundation = (try? JSONDecoder().decode(AnyArray.self, from: Data(text.utf8))) != nil
            #expect(ours == foundation, "\(depth)")
        }
    }

    /// Any nesting of arrays.
    struct AnyArray: Decodable {
        init(from decoder: any Decoder) throws {
            var container = try decoder.unkeyedContainer()
            while !container.isAtEnd { _ = try container.decode(AnyArray.self) }
        }
    }

    /// Types Foundation reads its own way go to Foundation.
    @Test func dataAndURLsAreLeftToFoundation() throws {
        struct Special: Codable, Equatable {
            var data: Data
            var url: URL
        }
        Self.expectAgreement(#"{"data": "AAEC+g==", "url": "https://example.com/a"}"#, as: Special.self)
        #expect(try CanonicalJSON.decode(Special.self, from: Array(#"{"data": "AAEC", "url": "x"}"#.utf8)).data == Data([0, 1, 2]))
    }
}
