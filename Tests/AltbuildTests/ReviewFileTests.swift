import Testing
import Foundation
import AltbuildSupport
@testable import AltbuildCore
@testable import DeckModel

/// Review files as values: identities, decisions, matching slots to entries,
/// and the quick scan `check` makes of a file in the build's form.
struct ReviewFileTests {
    static func slot(_ part: String, _ id: String, ordinal: Int, digest: [UInt8]? = nil) -> Slot {
        Slot(slide: 1, part: part, ordinal: ordinal, shapeID: id, name: "Picture \(id)", kind: .picture, descr: nil, title: nil,
             isDecorative: false, state: .missing, mediaPart: nil, mediaDigest: digest.map(SHA256.hash), frame: nil,
             alternateBranch: nil, groupDepth: 0, context: SlotContext(), content: .none)
    }

    static func entry(_ slot: String, _ state: ReviewState, text: String? = nil, generated: String? = nil, digest: [UInt8]? = nil) -> ReviewEntry {
        ReviewEntry(slot: slot, slide: 1, name: "Picture", kind: .picture, digest: digest.map { SHA256.hash($0).hex },
                    state: state, text: text, generated: generated)
    }

    @Test func identitiesNamePartAndShapeAndNumberRepeats() {
        let slots = [Self.slot("ppt/slides/slide3.xml", "7", ordinal: 0), Self.slot("ppt/slides/slide3.xml", "7", ordinal: 1),
                     Self.slot("ppt/slides/slide3.xml", "8", ordinal: 2), Self.slot("ppt/other/x.xml", "2", ordinal: 0)]
        #expect(SlotIdentity.identities(slots) == ["slide3:7", "slide3:7~2", "slide3:8", "ppt/other/x.xml:2"])
    }

    @Test func decisionsChangeStatesAndRefuseWhatDoesNotApply() throws {
        var file = ReviewFile(slots: [Self.entry("s:1", .generated, text: "A chart", generated: "A chart"),
                                      Self.entry("s:2", .needsReview), Self.entry("s:3", .generated, text: "A table", generated: "A table")])
        #expect(try file.apply(.approve, to: "s:1", path: "r.json").state == .approved)
        #expect(throws: AltbuildError.self) { try file.apply(.approve, to: "s:2", path: "r.json") }
        #expect(throws: AltbuildError.self) { try file.apply(.set("  "), to: "s:2", path: "r.json") }
        #expect(throws: AltbuildError.self) { try file.apply(.approve, to: "s:9", path: "r.json") }
        let set = try file.apply(.set(" Our founder "), to: "s:2", path: "r.json")
        #expect(set.state == .edited && set.text == "Our founder" && set.reviewed == true)
        #expect(try file.apply(.reset, to: "s:2", path: "r.json").state == .needsReview)
        #expect(try file.apply(.set("Mine"), to: "s:1", path: "r.json").generated == "A chart")
        #expect(try file.apply(.reset, to: "s:1", path: "r.json").text == "A chart")
        #expect(file.approveAll() == ["s:1", "s:3"])
        let decorative = try file.apply(.decorative, to: "s:3", path: "r.json")
        #expect(decorative.state == .decorative && decorative.text == nil)
    }

    @Test func aPersonsDecisionFollowsItsPictureAndIsKeptWhenItIsGone() {
        let review = ReviewFile(slots: [Self.entry("slide1:2", .edited, text: "Our founder", digest: [1]),
                                        Self.entry("slide1:3", .generated, text: "x", digest: [2])])
        // Moved to another slide and copied once more: both get the person's text; nothing is stale.
        let moved = [Self.slot("ppt/slides/slide2.xml", "5", ordinal: 0, digest: [1]), Self.slot("ppt/slides/slide4.xml", "6", ordinal: 0, digest: [1])]
        let match = ReviewMatch(slots: moved, identities: SlotIdentity.identities(moved), review: review)
        #expect(match.entries.map { $0?.text } == ["Our founder", "Our founder"])
        #expect(match.entries.map { $0?.slot } == ["slide2:5", "slide4:6"])
        #expect(match.stale.isEmpty)
        // Gone: the decision is kept, stale; machine text is not.
        let gone = ReviewMatch(slots: [], identities: [], review: review)
        #expect(gone.stale.map(\.slot) == ["slide1:2"] && gone.stale.first?.stale == true)
    }

    @Test func theQuickScanReadsStatesOnlyFromTheBuildsForm() throws {
        let file = ReviewFile(slots: [Self.entry("s:1", .approved, text: #"He said "state" : "generated""#),
                                      Self.entry("s:2", .human, text: "x")])
        let states = try #require(CanonicalStates(try file.encoded()))
        #expect(states.allSatisfy { $0 == .approved || $0 == .human })
        #expect(CanonicalStates(try CanonicalJSON.encode(file)) == nil, "another layout: decode instead")
        var stale = file
        stale.slots[1].stale = true
        #expect(CanonicalStates(try stale.encoded()) == nil)

        let path = Fixtures.temporaryDirectory() + "/r.json"
        try file.save(to: path)
        #expect(try ReviewGate.problems(path, accepted: [.human, .approved])?.slots.isEmpty == true)
        #expect(try ReviewGate.problems(path, accepted: [.human])?.slots.map(\.slot) == ["s:1"])
    }
}
