import AltbuildCore
import DeckModel

/// One slot as the page shows it: the review file's entry, with what the
/// scan found around it (picture link, data, slide title, nearby text).
/// Everything here reaches the page as JSON and is put in the DOM as text.
struct SlotView: Codable, Sendable, Equatable {
    var deck: Int
    var slot: String
    var slide: Int
    var name: String
    var kind: String
    var state: String
    var text: String?
    var generated: String?
    var reason: String?
    /// The slot is no longer in the deck; its decision is kept.
    var stale: Bool
    /// Whether a person still has to decide (the states `check` does not accept).
    var open: Bool
    /// `/media/<deck>/<digest>` when the worker prepared a picture a browser shows.
    var media: String?
    /// The chart, table, diagram or group data as lines of text.
    var data: [String]
    var title: String?
    var caption: String?
    var nearby: [String]

    /// At most this many lines of the slide's other text.
    static let nearbyLines = 3

    init(deck index: Int, entry: ReviewEntry, scanned: ReviewedDeck) {
        let slot = scanned.slots[entry.slot]
        deck = index
        self.slot = entry.slot
        slide = slot?.slide ?? entry.slide
        name = entry.name
        kind = entry.kind.rawValue
        state = entry.state.rawValue
        text = entry.text
        generated = entry.generated
        reason = entry.reason
        stale = entry.stale ?? false
        open = !entry.state.isSettled && !stale
        let digest = slot?.mediaDigest?.hex
        let displayable = digest.flatMap { scanned.media[$0] }.map { $0.format.mimeType.hasPrefix("image/") } ?? false
        media = displayable ? digest.map { "/media/\(index)/\($0)" } : nil
        data = slot.map { SlotDataText.lines($0.content) } ?? []
        let title = slot?.context.slideTitle, caption = slot?.context.caption
        self.title = title
        self.caption = caption
        let others = (slot?.context.slideText ?? []).filter { $0 != title && $0 != caption }
        nearby = others.prefix(Self.nearbyLines).map { $0.count > 240 ? String($0.prefix(240)) + "…" : $0 }
    }
}
