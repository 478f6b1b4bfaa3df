import Testing
import Foundation
@testable import OOXML
@testable import AltbuildCore
@testable import DeckModel

/// End-to-end tests of `altbuild build` and `altbuild inspect`: the real
/// binary, real files, real exit codes.
@Suite(.serialized) struct BuildCommandTests {
    let project: String
    let fm = FileManager.default

    init() throws {
        project = Fixtures.temporaryDirectory()
        let good = Fixtures.kitchenSink().bytes()
        try fm.write(good, to: "\(project)/talks/intro.pptx")
        try fm.write(Fixtures.kitchenSink(strict: true).bytes(), to: "\(project)/talks/deep/strict.potx")
        try fm.write(Array(good.prefix(good.count / 2)), to: "\(project)/talks/cut.pptx")
        try fm.write(Array("hello".utf8), to: "\(project)/notazip.pptx")
        try fm.write(Array("owner file".utf8), to: "\(project)/talks/~$intro.pptx")
        try fm.write(Array("ignored".utf8), to: "\(project)/talks/readme.txt")
        try fm.write(good, to: "\(project)/build/old-output.pptx")
    }

    func run(_ arguments: String...) throws -> BinaryRunner.Result {
        try BinaryRunner.run(arguments, in: project)
    }

    func inventory(_ path: String) throws -> [Slot] {
        try Deck(path: "\(project)/\(path)").inventory().slots
    }

    @Test func buildsGoodDecksReportsBadOnesAndExitsOne() throws {
        let result = try run("build")
        #expect(result.status == 1, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("4 decks: 2 built, 0 restored from cache, 0 up to date, 2 failed; "), "\(result.stdout)")
        #expect(result.stderr.contains("talks/cut.pptx: E_ZIP_TRUNCATED"), "\(result.stderr)")
        #expect(result.stderr.contains("notazip.pptx: E_NOT_ZIP"), "\(result.stderr)")
        #expect(!result.stdout.contains("~$"))
        #expect(!result.stdout.contains("old-output"))
        #expect(fm.fileExists(atPath: "\(project)/build/talks/intro.pptx"))
        #expect(fm.fileExists(atPath: "\(project)/build/talks/deep/strict.potx"))
        #expect(!fm.fileExists(atPath: "\(project)/build/talks/cut.pptx"))
        // No temp files left next to the outputs.
        let leftovers = try fm.subpathsOfDirectory(atPath: "\(project)/build").filter { $0.contains("altbuild-tmp") }
        #expect(leftovers.isEmpty)

        let before = try inventory("talks/intro.pptx")
        let after = try inventory("build/talks/intro.pptx")
        let review = try #require(try ReviewFile.load("\(project)/alt-text/talks/intro.pptx.json"))
        #expect(after.count == before.count && review.slots.count == before.count)
        for ((a, b), entry) in zip(zip(before, after), review.slots) {
            // Never a sentence that only echoes the slide.
            #expect(!AltTextState.isContextEcho(b.descr ?? ""), "slot \(a.shapeID): \(b.descr ?? "")")
            switch a.state {
            case .missing, .placeholder:
                if entry.state == .generated {
                    #expect(b.descr == entry.text && !(b.descr ?? "").isEmpty, "slot \(a.shapeID) not filled")
                } else if entry.state == .decorative {
                    // The kitchen sink uses one 1×1 picture many times: a spacer, found decorative.
                    #expect(b.isDecorative && (b.descr ?? "").isEmpty && entry.reason?.contains("1×1-pixel") == true,
                            "slot \(a.shapeID): \(entry.reason ?? "")")
                } else {
                    #expect(entry.state == (a.state == .placeholder ? .placeholder : .needsReview), "slot \(a.shapeID): \(entry.state)")
                    #expect(b.descr == a.descr, "slot \(a.shapeID): nothing written")
                    #expect(entry.reason?.isEmpty == false)
                }
            case .human, .automatic, .decorative:
                #expect(b.descr == a.descr && b.isDecorative == a.isDecorative, "slot \(a.shapeID) changed")
            }
        }
        #expect(review.slots.contains { $0.state == .generated } && review.slots.contains { $0.state == .needsReview })
        let strict = try #require(try ReviewFile.load("\(project)/alt-text/talks/deep/strict.potx.json"))
        #expect(!strict.slots.isEmpty && strict.slots.allSatisfy { $0.state != .missing })
    }

    @Test func secondRunBuildsNothingAndRetriesFailures() throws {
        _ = try run("build")
        let output = "\(project)/build/talks/intro.pptx"
        let firstTime = try fm.modificationDate(output)
        let second = try run("build")
        #expect(second.status == 1)
        #expect(second.stdout.contains("4 decks: 0 built, 0 restored from cache, 2 up to date, 2 failed; 0 describer calls"), "\(second.stdout)")
        #expect(second.stderr.contains("talks/cut.pptx: E_ZIP_TRUNCATED"), "failures are retried")
        #expect(try fm.modificationDate(output) == firstTime)

        // Rewriting an input with the same bytes changes nothing (content, not mtimes, decides)...
        try fm.write(Fixtures.kitchenSink().bytes(), to: "\(project)/talks/intro.pptx")
        let same = try run("build", "talks/intro.pptx", "talks/deep")
        #expect(same.stdout.contains("2 decks: 0 built, 0 restored from cache, 2 up to date, 0 failed"), "\(same.stdout)")
        // ...while new content rebuilds that deck only.
        var edited = Fixtures.kitchenSink()
        edited.slides[1].shapes += DeckFixture.textBox(id: 300, name: "New", text: "An added line")
        try fm.write(edited.bytes(), to: "\(project)/talks/intro.pptx")
        let third = try run("build", "talks/intro.pptx", "talks/deep")
        #expect(third.status == 0, "\(third.stderr)")
        #expect(third.stdout.contains("2 decks: 1 built, 0 restored from cache, 1 up to date, 0 failed"), "\(third.stdout)")

        // A change of output-affecting configuration rebuilds everything...
        let fourth = try run("build", "talks/intro.pptx", "talks/deep", "--replace-automatic")
        #expect(fourth.stdout.contains("2 decks: 2 built, 0 restored from cache, 0 up to date, 0 failed"), "\(fourth.stdout)")
        let review = try #require(try ReviewFile.load("\(project)/alt-text/talks/intro.pptx.json"))
        // The builtin describer cannot see the picture: PowerPoint's text stays, still unreviewed machine text.
        let automatic = review.slots.first { $0.slot.hasSuffix(":61") }
        #expect(automatic?.state == .generated && automatic?.reason?.contains("automatic") == true, "\(String(describing: automatic))")
        // ...and -q (not output-affecting) rebuilds nothing.
        let fifth = try run("build", "talks/intro.pptx", "talks/deep", "--replace-automatic", "-q")
        #expect(fifth.stdout.contains("2 decks: 0 built, 0 restored from cache, 2 up to date, 0 failed; 0 describer calls"), "\(fifth.stdout)")
    }

    @Test func dryRunWritesNothing() throws {
        let result = try run("build", "--dry-run", "talks")
        #expect(result.status == 0)
        #expect(result.stdout.contains("would build talks/intro.pptx -> build/talks/intro.pptx: new: never built"), "\(result.stdout)")
        #expect(!fm.fileExists(atPath: "\(project)/build/talks"))
    }

    @Test func outDirIsHonouredAndSkipped() throws {
        let result = try run("build", "--out-dir", "accessible", "talks/intro.pptx")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(fm.fileExists(atPath: "\(project)/accessible/talks/intro.pptx"))
        let again = try run("build", "--out-dir", "accessible", "--dry-run")
        #expect(!again.stdout.contains("accessible/talks/intro.pptx ->"))
    }

    @Test func inspectPrintsTextAndJSON() throws {
        let text = try run("inspect", "talks/intro.pptx")
        #expect(text.status == 0)
        #expect(text.stdout.contains("2 slides, 19 ALT-text slots"), "\(text.stdout)")
        #expect(text.stdout.contains(#"slide9:13 picture "Picture 12" [human] descr="A red bicycle leaning on a wall""#))
        #expect(text.stdout.contains("no review file at alt-text/talks/intro.pptx.json: states below are guessed from the text alone"))
        let json = try run("inspect", "--json", "talks/intro.pptx")
        #expect(json.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect(object?["slotCount"] as? Int == 19)
        let slides = object?["slides"] as? [[String: Any]]
        let firstSlot = (slides?.first?["slots"] as? [[String: Any]])?.first
        #expect(firstSlot?["kind"] as? String == "picture")
        #expect(firstSlot?["state"] as? String == "missing")
        // The first slide in presentation order is stored as slide9.xml: identities name the part.
        #expect(firstSlot?["slot"] as? String == "slide9:" + (firstSlot?["id"] as? String ?? "?") && firstSlot?["reviewState"] == nil)
        #expect((firstSlot?["context"] as? [String: Any])?["caption"] as? String == "Figure 1: the new office")
    }

    @Test func inspectOfABadDeckNamesTheFileAndCode() throws {
        let result = try run("inspect", "talks/cut.pptx")
        #expect(result.status == 1)
        #expect(result.stderr.contains("talks/cut.pptx: E_ZIP_TRUNCATED"), "\(result.stderr)")
        let missing = try run("build", "no/such/folder")
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("no/such/folder"))
    }

    @Test func usageErrorsExitWith2() throws {
        let result = try run("build", "--decorative-below", "150")
        #expect(result.status == 2)
        #expect(result.stderr.contains("error: --decorative-below 150: expected a number from 0 to 100"), "\(result.stderr)")
        let unknown = try run("build", "--no-such-flag")
        #expect(unknown.status == 2 && unknown.stderr.contains("Unknown option '--no-such-flag'"), "\(unknown.stderr)")
    }
}
