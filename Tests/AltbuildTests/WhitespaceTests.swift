import Testing
import AltbuildSupport
@testable import OOXML

/// Collapsing whitespace and splitting lines take a byte path for ASCII
/// text; what they give must be what `Character`'s whitespace and newline
/// properties give, for ASCII and everything else.
@Suite struct WhitespaceTests {
    static let texts: [String] = {
        var texts = ["", " ", "a", " a ", "a  b", "\ta\u{0B}b\u{0C}c\rd\ne", "a\r\nb", "\r\n\r\n", "Charts\nAre", "x \u{7F} y",
                     "caf\u{E9}  au\tlait", "a\u{A0}b", "a\u{2028}b\u{2029}c\u{85}d", "e\u{301} \u{301}f", "日本\u{3000}語", "  lead and trail  "]
        texts += (0..<0x80).map { "w" + String(UnicodeScalar(UInt8($0))) + "x" }
        return texts
    }()

    @Test func collapsingIsCharacterWhitespace() {
        for text in Self.texts {
            #expect(text.collapsingWhitespace() == text.split(whereSeparator: \.isWhitespace).joined(separator: " "), "\(text.debugDescription)")
        }
    }

    @Test func linesAreCharacterNewlines() {
        for text in Self.texts {
            let expected = text.split(whereSeparator: \.isNewline)
                .map { $0.split(whereSeparator: \.isWhitespace).joined(separator: " ") }.filter { !$0.isEmpty }
            #expect(collapsedLines(text) == expected, "\(text.debugDescription)")
        }
    }
}
