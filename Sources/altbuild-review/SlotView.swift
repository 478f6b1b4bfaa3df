import AltbuildCore
import DeckModel

/// One slot as the page shows it: the review file's entry as it is, with
/// what the scan found around it (picture link, data, slide title, nearby
/// text). Everything here reaches the page as JSON and is put in the DOM as text.
struct SlotView: Codable, Sendable, Equatable {
    var deck: Int
    var entry: ReviewEntry
    /// Whether a person still has to decide (the states `check` does not accept).
    var open: Bool
    /// `/media/<deck>/<digest>` when the worker prepared a picture a browser shows.
    var media: String?
    /// The chart, table, diagram or group data as lines of text.
    var data: [String]
    /// The slide's title, the caption and a few lines of the slide's other
    /// text; no speaker notes, which the page has no room for.
    var context: SlotContext?

    /// At most this many lines of the slide's other text, each cut at `nearbyLength` characters.
    static let nearbyLines = 3
    static let nearbyLength = 240

    init(deck index: Int, entry: ReviewEntry, scanned: ReviewedDeck) {
        let slot = scanned.slots[entry.slot]
        deck = index
        self.entry = entry
        open = !entry.state.isSettled && entry.stale != true
        let digest = slot?.mediaDigest?.hex
        let displayable = digest.flatMap { scanned.media[$0] }.map { $0.format.mimeType.hasPrefix("image/") } ?? false
        media = displayable ? digest.map { "/media/\(index)/\($0)" } : nil
        data = slot.map { SlotDataText.lines($0.content) } ?? []
        context = slot.map { Self.nearby($0.context) }
    }

    private static func nearby(_ context: SlotContext) -> SlotContext {
        let others = context.slideText.filter { $0 != context.slideTitle && $0 != context.caption }
        let lines = others.prefix(nearbyLines).map { $0.count > nearbyLength ? String($0.prefix(nearbyLength)) + "…" : $0 }
        return SlotContext(slideTitle: context.slideTitle, caption: context.caption, slideText: lines)
    }
}
