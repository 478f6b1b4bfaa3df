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
    /// Where altbuild's paragraphs are in a list of paragraph texts.
    public enum Location: Equatable, Sendable {
        /// Each block's paragraphs, markers included, in order. Normally one;
        /// more when a deck was assembled from slides that each had one.
        case blocks([Range<Int>])
        /// A start marker whose end marker is gone: where the block ends is
        /// unknown, so nothing after the start may be taken as altbuild's.
        case unterminated(at: Int)
    }

    /// What a slide's notes hold of altbuild's, as the scan saw it.
    public enum Found: Equatable, Sendable, Codable {
        /// The lines between the markers of the one block.
        case lines([String])
        /// Several blocks: the build puts one in their place.
        case several
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

    /// Every block, each from a start marker to the next marker; nil without any.
    public static func locate(_ paragraphs: [String]) -> Location? {
        var blocks: [Range<Int>] = []
        var next = 0
        while let start = paragraphs[next...].firstIndex(where: isMarker) {
            guard let end = paragraphs[(start + 1)...].firstIndex(where: isMarker) else { return .unterminated(at: start) }
            blocks.append(start..<(end + 1))
            next = end + 1
        }
        return blocks.isEmpty ? nil : .blocks(blocks)
    }

    /// What `paragraphs` hold of altbuild's, for the scan.
    public static func found(in paragraphs: [String]) -> Found? {
        switch locate(paragraphs) {
        case nil: return nil
        case .unterminated: return .unterminated
        case .blocks(let blocks):
            guard blocks.count == 1, let block = blocks.first else { return .several }
            return .lines(Array(paragraphs[(block.lowerBound + 1)..<(block.upperBound - 1)]))
        }
    }

    /// The paragraphs that are the person's: all but altbuild's blocks (and,
    /// when unterminated, all but its start marker).
    public static func personsParagraphs(_ paragraphs: [String]) -> [String] {
        switch locate(paragraphs) {
        case nil: return paragraphs
        case .unterminated(let start):
            var kept = paragraphs
            kept.remove(at: start)
            return kept
        case .blocks(let blocks):
            return paragraphs.indices.filter { index in !blocks.contains { $0.contains(index) } }.map { paragraphs[$0] }
        }
    }
}
