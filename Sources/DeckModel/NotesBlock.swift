import AltbuildSupport

/// The part of a slide's speaker notes that altbuild owns: the long
/// descriptions of the slide's charts and diagrams (`--long-descriptions
/// notes`), between two marker paragraphs such as
///
///     ── altbuild: long descriptions ──
///     Column chart: Revenue by region
///     Q1: North 10, South 15
///     ── altbuild: end ──
///
/// The markers are visible on purpose: a person reading the notes sees which
/// lines altbuild rewrites on every build. They are found by their shape, not
/// their wording ("── altbuild…──"), so a block written in German is still
/// found after the deck's language changes. Everything outside the two
/// markers is the person's and is never touched.
public enum NotesBlock {
    /// Where the block is in a list of paragraph texts.
    public enum Location: Equatable, Sendable {
        /// Paragraphs `range`, markers included.
        case block(Range<Int>)
        /// A start marker whose end marker is gone: where the block ends is
        /// unknown, so nothing after the start may be taken as altbuild's.
        case unterminated(at: Int)
    }

    /// What a slide's notes hold of altbuild's, as the scan saw it.
    public enum Found: Equatable, Sendable, Codable {
        /// The lines between the markers.
        case lines([String])
        case unterminated
    }

    /// A marker paragraph: "── altbuild ──" or "── altbuild: <label> ──".
    public static func marker(_ label: String) -> String {
        label.isEmpty ? "── altbuild ──" : "── altbuild: " + label + " ──"
    }

    public static func isMarker(_ paragraph: String) -> Bool {
        let text = paragraph.trimmingWhitespace()
        return text.hasPrefix("── altbuild") && text.hasSuffix("──") && text.count > "── altbuild".count + 1
    }

    /// The first start marker and the next marker after it; nil without one.
    public static func locate(_ paragraphs: [String]) -> Location? {
        guard let start = paragraphs.firstIndex(where: isMarker) else { return nil }
        guard let end = paragraphs[(start + 1)...].firstIndex(where: isMarker) else { return .unterminated(at: start) }
        return .block(start..<(end + 1))
    }

    /// What `paragraphs` hold of altbuild's, for the scan.
    public static func found(in paragraphs: [String]) -> Found? {
        switch locate(paragraphs) {
        case nil: return nil
        case .unterminated: return .unterminated
        case .block(let range): return .lines(Array(paragraphs[(range.lowerBound + 1)..<(range.upperBound - 1)]))
        }
    }

    /// The paragraphs that are the person's: all but altbuild's block (and,
    /// when unterminated, all but its start marker).
    public static func personsParagraphs(_ paragraphs: [String]) -> [String] {
        switch locate(paragraphs) {
        case nil: return paragraphs
        case .unterminated(let start):
            var kept = paragraphs
            kept.remove(at: start)
            return kept
        case .block(let range):
            return Array(paragraphs[..<range.lowerBound] + paragraphs[range.upperBound...])
        }
    }
}
