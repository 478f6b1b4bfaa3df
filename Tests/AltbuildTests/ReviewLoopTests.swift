import Testing
import Foundation
@testable import OOXML
@testable import AltbuildCore
@testable import DeckModel
import AltbuildSupport

/// The review loop end to end, on the built binary: honest texts, review
/// files that survive every kind of rebuild, the review commands and `check`.
@Suite(.serialized) struct ReviewLoopTests {
    let project: String
    let fm = FileManager.default
    static let ocrText = "Quarterly revenue dashboard"

    init() throws {
        project = Fixtures.temporaryDirectory()
        try fm.write(try Self.deck(), to: "\(project)/decks/team.pptx")
        try fm.write(IncrementalTests.deck(variant: 1, caption: "Figure 2: the old office"), to: "\(project)/decks/other.pptx")
    }

    /// Slide 1: a photo under the title "Our team" with a caption, and a table.
    /// Slide 2: a picture of legible text.
    static func deck(photoOnSlide: Int = 1, withPhoto: Bool = true) throws -> [UInt8] {
        let photo = DeckFixture.picture(id: 2, name: "Picture 1")
            + DeckFixture.textBox(id: 3, name: "Caption", text: "Figure 1: the new office", x: 1_000_000, y: 3_100_000)
        let slide1 = DeckFixture.textBox(id: 10, name: "Title", text: "Our team", placeholder: "title")
            + (withPhoto && photoOnSlide == 1 ? photo : "")
            + DeckFixture.graphicFrame(id: 4, name: "Table 1", uri: "http://schemas.openxmlformats.org/drawingml/2006/table", body: Fixtures.tableBody)
        let slide2 = DeckFixture.textBox(id: 10, name: "Title", text: "Dashboard", placeholder: "title")
            + DeckFixture.picture(id: 5, name: "Screenshot", embed: "rIdOcr", x: 5_000_000)
            + (withPhoto && photoOnSlide == 2 ? photo : "")
        return DeckFixture(
            slides: [.init(shapes: slide1, relationships: [("rIdImg", "image", "../media/image1.png")]),
                     .init(shapes: slide2, relationships: [("rIdImg", "image", "../media/image1.png"), ("rIdOcr", "image", "../media/image2.png")])],
            parts: [("ppt/media/image1.png", DeckFixture.png), ("ppt/media/image2.png", try TextRecognizerTests.pictureWithText(ocrText))]).bytes()
    }

    func run(_ arguments: String..., in directory: String? = nil, environment: [String: String] = [:]) throws -> BinaryRunner.Result {
        try BinaryRunner.run(arguments, in: directory ?? project, environment: environment)
    }

    func review(_ deck: String = "decks/team.pptx", in directory: String? = nil) throws -> ReviewFile {
        try #require(try ReviewFile.load("\(directory ?? project)/alt-text/\(deck).json"))
    }

    func slots(_ path: String) throws -> [Slot] {
        try Deck(path: "\(project)/\(path)").inventory().slots
    }

    @Test func onlyRealDescriptionsAreWrittenAndContextWaitsForAPerson() throws {
        let build = try run("build", "decks")
        #expect(build.status == 0, "\(build.stderr)")
        let output = try slots("build/decks/team.pptx")
        let photo = try #require(output.first { $0.shapeID == "2" })
        #expect(photo.descr == nil, "a photo with a caption and a title gets no text: \(photo.descr ?? "")")
        #expect(output.allSatisfy { !AltTextState.isContextEcho($0.descr ?? "") })
        #expect(output.first { $0.shapeID == "5" }?.descr == "Image with text: “\(Self.ocrText)”.")
        #expect(output.first { $0.kind == .table }?.descr?.hasPrefix("Table with 2 rows") == true)

        let file = try review()
        let entry = try #require(file.entry("slide1:2"))
        #expect(entry.state == .needsReview && entry.text == nil)
        #expect(entry.reason?.hasPrefix("only a caption is known; no vision model configured") == true, "\(entry.reason ?? "")")
        #expect(file.entry("slide2:5")?.state == .generated)
        #expect(file.entry("slide1:4")?.state == .generated)
        #expect(build.stdout.contains("2 left for a person to describe") == false)
        #expect(build.stdout.contains("team.pptx: 3 slots, 2 described, 0 kept; 1 left for a person to describe"), "\(build.stdout)")

        // Asked for, the context is written, and still marked as machine text from context only.
        let fallback = try run("build", "decks", "--fallback", "context")
        #expect(fallback.stdout.contains("(1 from context only, unreviewed)"), "\(fallback.stdout)")
        #expect(try slots("build/decks/team.pptx").first { $0.shapeID == "2" }?.descr == "Picture captioned “Figure 1: the new office”.")
        let written = try review().entry("slide1:2")
        #expect(written?.state == .generated && written?.reason?.hasPrefix("from context only (--fallback context)") == true)
    }

    @Test func aPersonsTextRebuildsOneDeckWithoutDescribingAndIsNeverRegenerated() throws {
        #expect(try run("build", "decks").status == 0)
        let set = try run("review", "set", "decks/team.pptx", "slide1:2", "Five people laughing around a whiteboard")
        #expect(set.status == 0, "\(set.stderr)")
        #expect(set.stdout == "decks/team.pptx: slide1:2 \"Picture 1\" (picture): edited: Five people laughing around a whiteboard\n")
        let status = try run("status", "decks")
        #expect(status.stdout.contains("stale      decks/team.pptx: input alt-text/decks/team.pptx.json changed (sha256 "), "\(status.stdout)")

        let rebuild = try run("build", "decks")
        #expect(rebuild.stdout.contains("2 decks: 1 built, 0 restored from cache, 1 up to date, 0 failed; 0 describer calls"), "\(rebuild.stdout)")
        #expect(try slots("build/decks/team.pptx").first { $0.shapeID == "2" }?.descr == "Five people laughing around a whiteboard")
        #expect(try run("build", "decks").stdout.contains("0 built, 0 restored from cache, 2 up to date"), "a no-op again")

        // Neither --force nor a new describer regenerates it.
        let model = ["--describer", "command", "--describer-command", "sh -c 'cat >/dev/null; echo A photo of something'"]
        for arguments in [["build", "decks", "--force"], ["build", "decks"] + model] {
            let again = try BinaryRunner.run(arguments, in: project)
            #expect(again.status == 0, "\(again.stderr)")
            #expect(try slots("build/decks/team.pptx").first { $0.shapeID == "2" }?.descr == "Five people laughing around a whiteboard")
            #expect(try review().entry("slide1:2")?.state == .edited)
        }
        #expect(try review().entry("slide2:5")?.text == "A photo of something", "the model did replace generated text")
    }

    @Test func checkGatesOnReviewStates() throws {
        let unbuilt = try run("check", "decks")
        #expect(unbuilt.status == 1)
        #expect(unbuilt.stdout.contains("decks/team.pptx: not built as it is now (new: never built); run altbuild build"), "\(unbuilt.stdout)")
        _ = try run("build", "decks")

        let check = try run("check", "decks/team.pptx")
        #expect(check.status == 1)
        let lines = check.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 3, "\(check.stdout)")
        #expect(lines.first?.hasPrefix("decks/team.pptx:slide 1: shape \"Picture 1\" (picture): needs-review: only a caption is known; no vision model configured") == true, "\(check.stdout)")
        #expect(lines.contains("decks/team.pptx:slide 1: shape \"Table 1\" (table): generated: written by altbuild, not reviewed"))

        #expect(try run("check", "decks/team.pptx", "--allow", "generated").stdout.split(separator: "\n").count == 1)
        let json = try run("check", "decks/team.pptx", "--json")
        let items = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(items.count == 3 && items.allSatisfy { ["deck", "slot", "slide", "kind", "state", "reason"].allSatisfy($0.keys.contains) })

        #expect(try run("review", "approve", "decks/team.pptx", "--all").status == 0)
        #expect(try run("review", "decorative", "decks/team.pptx", "slide1:2").status == 0)
        let pending = try run("check", "decks/team.pptx")
        #expect(pending.status == 1 && pending.stdout.contains("not built as it is now (input alt-text/decks/team.pptx.json changed"), "\(pending.stdout)")
        #expect(try run("build", "decks/team.pptx").status == 0)
        let clean = try run("check", "decks/team.pptx")
        #expect(clean.status == 0 && clean.stdout.isEmpty, "\(clean.stdout)")
        #expect(try slots("build/decks/team.pptx").first { $0.shapeID == "2" }?.isDecorative == true)

        let wrong = try run("review", "approve", "decks/team.pptx", "slide9:9")
        #expect(wrong.status == 1 && wrong.stderr.contains("E_REVIEW_SLOT: no slot \"slide9:9\""), "\(wrong.stderr)")
    }

    @Test func inPlaceMachineTextStaysGeneratedAndInspectSaysSo() throws {
        let build = try run("build", "--in-place", "decks/team.pptx")
        #expect(build.status == 0, "\(build.stderr)")
        let table = try slots("decks/team.pptx").first { $0.kind == .table }
        #expect(table?.descr?.isEmpty == false && table?.state == .human, "the text alone reads like a person's")
        let check = try run("check", "--in-place", "decks/team.pptx")
        #expect(check.status == 1 && check.stdout.contains("(table): generated: written by altbuild, not reviewed"), "\(check.stdout)")
        let again = try run("build", "--in-place", "decks/team.pptx")
        #expect(again.stdout.contains("1 up to date"), "\(again.stdout)")
        #expect(try review().entry("slide1:4")?.state == .generated)
        let inspect = try run("inspect", "decks/team.pptx")
        #expect(inspect.stdout.contains("slide1:4 table \"Table 1\" [generated]"), "\(inspect.stdout)")
    }

    @Test func aFreshCloneWithARestoredCacheKeepsWhatAPersonApproved() throws {
        let cache = Fixtures.temporaryDirectory()
        let env = ["ALTBUILD_CACHE_DIR": cache]
        _ = try run("build", "decks", environment: env)
        _ = try run("review", "approve", "decks/team.pptx", "--all", environment: env)
        _ = try run("review", "set", "decks/team.pptx", "slide1:2", "Five people laughing around a whiteboard", environment: env)
        _ = try run("build", "decks", environment: env)
        let reviewed = try review()

        // A fresh clone: the decks and their review files, nothing else; the cache comes back.
        let clone = Fixtures.temporaryDirectory()
        for path in ["decks/team.pptx", "decks/other.pptx", "alt-text/decks/team.pptx.json", "alt-text/decks/other.pptx.json"] {
            try fm.write(try FileIO.read("\(project)/\(path)"), to: "\(clone)/\(path)")
        }
        let build = try run("build", "decks", in: clone, environment: env)
        #expect(build.status == 0 && build.stdout.contains("; 0 describer calls"), "\(build.stdout)")
        #expect(try review(in: clone) == reviewed)
        #expect(try review(in: clone).entry("slide1:4")?.state == .approved)
        let output = try Deck(path: "\(clone)/build/decks/team.pptx").inventory().slots
        #expect(output.first { $0.shapeID == "2" }?.descr == "Five people laughing around a whiteboard")
        #expect(try run("check", "decks/team.pptx", in: clone, environment: env).status == 0)
    }

    @Test func aMovedPictureKeepsItsTextAndAGoneOneIsReportedStale() throws {
        _ = try run("build", "decks/team.pptx")
        _ = try run("review", "set", "decks/team.pptx", "slide1:2", "Five people laughing around a whiteboard")
        try fm.write(try Self.deck(photoOnSlide: 2), to: "\(project)/decks/team.pptx")
        let moved = try run("build", "decks/team.pptx")
        #expect(moved.status == 0, "\(moved.stderr)")
        #expect(try review().entry("slide2:2")?.state == .edited)
        #expect(try review().entry("slide1:2") == nil)
        #expect(try slots("build/decks/team.pptx").first { $0.shapeID == "2" }?.descr == "Five people laughing around a whiteboard")

        try fm.write(try Self.deck(withPhoto: false), to: "\(project)/decks/team.pptx")
        let gone = try run("build", "decks/team.pptx")
        #expect(gone.status == 0, "\(gone.stderr)")
        #expect(gone.stdout.contains("1 stale review entries"), "\(gone.stdout)")
        let stale = try #require(try review().slots.first { $0.stale == true })
        #expect(stale.text == "Five people laughing around a whiteboard")
        let check = try run("check", "decks/team.pptx", "--allow", "generated")
        #expect(check.status == 0 && check.stderr.contains("review entry slide2:2 \"Picture 1\" is stale"), "\(check.stderr)")
        #expect(try run("review", "list", "decks/team.pptx").stdout.contains("(stale: its slot is gone)"))
    }

    /// `check` may scan a file for its states only because the build leaves
    /// every review file in one form: a reformatted one is written back.
    @Test func aReformattedReviewFileIsWrittenBackInTheBuildsForm() throws {
        _ = try run("build", "decks/team.pptx")
        let path = "\(project)/alt-text/decks/team.pptx.json"
        let canonical = try FileIO.read(path)
        try fm.write(try CanonicalJSON.encode(try review()), to: path)
        #expect(try FileIO.read(path) != canonical)
        let build = try run("build", "decks/team.pptx")
        #expect(build.stdout.contains("1 built"), "\(build.stdout)")
        #expect(try FileIO.read(path) == canonical)
        #expect(try run("check", "decks/team.pptx", "--allow", "generated", "--allow", "needs-review").status == 0)
    }
}
