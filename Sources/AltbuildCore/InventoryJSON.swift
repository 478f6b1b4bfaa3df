public import DeckModel
public import AltbuildSupport
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The `inspect --json` document: a stable, documented shape that scripts
/// (and the tests) can rely on. Keys are sorted so output diffs cleanly.
public enum InventoryJSON {
    struct Document: Codable {
        var deck: String
        var sha256: String
        var slideCount: Int
        var slotCount: Int
        var slides: [SlideJSON]
    }

    struct SlideJSON: Codable {
        var number: Int
        var part: String
        var title: String?
        var slots: [SlotJSON]
    }

    struct SlotJSON: Codable {
        /// The stable identity review commands take (`slide3:7`).
        var slot: String
        /// The review state from the deck's review file; nil without one.
        var reviewState: ReviewState?
        var reviewReason: String?
        var slide: Int
        var part: String
        var ordinal: Int
        var id: String
        var name: String
        var kind: SlotKind
        var descr: String?
        var title: String?
        var decorative: Bool
        var state: AltTextState
        var mediaPart: String?
        var mediaSha256: String?
        var frame: Frame?
        var alternateContentBranch: String?
        var groupDepth: Int
        var context: SlotContext
        var chart: ChartData?
        var table: TableData?
        var diagram: [String]?
        var groupMembers: [GroupMember]?
        var oleProgID: String?
    }

    /// `review` is the deck's review file, when it has one: its states are
    /// shown beside what the text alone looks like.
    public static func render(path: String, digest: SHA256Digest, _ inventory: DeckInventory, review: ReviewFile? = nil) throws -> String {
        let lookup = ReviewLookup(inventory: inventory, review: review)
        let document = Document(
            deck: path, sha256: digest.hex,
            slideCount: inventory.slides.count, slotCount: inventory.slots.count,
            slides: inventory.slides.map { slide in
                SlideJSON(number: slide.number, part: slide.part, title: slide.title, slots: slide.slots.map { slot in
                    var json = slotJSON(slot)
                    json.slot = lookup.identity(slot)
                    json.reviewState = lookup.entry(slot)?.state
                    json.reviewReason = lookup.entry(slot)?.reason
                    return json
                })
            })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(document), as: UTF8.self)
    }

    static func slotJSON(_ slot: Slot) -> SlotJSON {
        var json = SlotJSON(
            slot: "", slide: slot.slide, part: slot.part, ordinal: slot.ordinal, id: slot.shapeID, name: slot.name,
            kind: slot.kind, descr: slot.descr, title: slot.title, decorative: slot.isDecorative, state: slot.state,
            mediaPart: slot.mediaPart, mediaSha256: slot.mediaDigest?.hex, frame: slot.frame,
            alternateContentBranch: slot.alternateBranch, groupDepth: slot.groupDepth, context: slot.context)
        switch slot.content {
        case .chart(let chart): json.chart = chart
        case .table(let table): json.table = table
        case .diagram(let diagram): json.diagram = diagram.texts
        case .group(let members): json.groupMembers = members
        case .oleObject(let progID): json.oleProgID = progID
        case .none: break
        }
        return json
    }
}
