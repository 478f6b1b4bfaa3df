import Testing
import Foundation
import AltbuildSupport
@testable import OOXML
@testable import AltbuildCore
@testable import DeckModel

/// Decorative detection and linked pictures, on the built binary: a logo
/// repeated on every slide, an icon array, a linked button, each decision
/// in the review file with its reason and overridable by a person.
@Suite(.serialized) struct DecorativeDetectionTests {
    let project: String
    let fm = FileManager.default

    init() throws {
        project = Fixtures.temporaryDirectory()
        try fm.write(Self.deck(), to: "\(project)/decks/talk.pptx")
    }

    /// Four slides with the same logo top left; slide 2 also has five small
    /// copies of one icon and a "home" button linked to slide 1; slide 3 a
    /// photo, a pen stroke and a divider line.
    static func deck() throws -> [UInt8] {
        let logo = DeckFixture.picture(id: 20, name: "Logo", embed: "rIdLogo", x: 100_000, y: 100_000, cx: 900_000, cy: 400_000)
        let icons = (0..<5).map { DeckFixture.picture(id: 30 + $0, name: "Battery \($0)", embed: "rIdIcon", x: 2_000_000 + Int($0) * 500_000, y: 3_000_000, cx: 300_000, cy: 300_000) }.joined()
        let home = DeckFixture.picture(id: 40, name: "Home", embed: "rIdIcon", x: 11_000_000, y: 6_000_000, cx: 400_000, cy: 400_000,
                                       extLst: #"<a:hlinkClick r:id="rIdHome" action="ppaction://hlinksldjump"/>"#)
        let photo = DeckFixture.picture(id: 50, name: "Photo", embed: "rIdPhoto", x: 3_000_000, y: 2_000_000, cx: 6_000_000, cy: 4_000_000)
        // A divider: a picture of a line across the slide.
        let divider = DeckFixture.picture(id: 70, name: "Rule", embed: "rIdPhoto", x: 500_000, y: 1_600_000, cx: 11_000_000, cy: 30_000)
        // Pen strokes: the choice holds the ink, the fallback a picture of it.
        let ink = """
            <mc:AlternateContent><mc:Choice Requires="p14"><p14:contentPart r:id="rIdInk"/></mc:Choice>\
            <mc:Fallback>\(DeckFixture.picture(id: 60, name: "Ink 59", embed: "rIdPhoto", x: 500_000, y: 5_000_000, cx: 2_000_000, cy: 300_000))</mc:Fallback>\
            </mc:AlternateContent>
            """
        let rels: [(id: String, type: String, target: String)] = [("rIdLogo", "image", "../media/logo.png"), ("rIdIcon", "image", "../media/icon.png"),
                                                                  ("rIdPhoto", "image", "../media/photo.png"), ("rIdHome", "slide", "slide1.xml")]
        let slides: [DeckFixture.Slide] = [
            .init(shapes: logo, relationships: rels),
            .init(shapes: logo + icons + home, relationships: rels),
            .init(shapes: logo + photo + ink + divider, relationships: rels),
            .init(shapes: logo, relationships: rels),
        ]
        return DeckFixture(slides: slides, parts: [("ppt/media/logo.png", try Self.png(40, 20)), ("ppt/media/icon.png", try Self.png(32, 32)),
                                                    ("ppt/media/photo.png", try Self.png(64, 48))]).bytes()
    }

    /// A real PNG of the given size (so its pixel size is what the detector reads).
    static func png(_ width: Int, _ height: Int) throws -> [UInt8] {
        let path = NSTemporaryDirectory() + "altbuild-png-\(UUID().uuidString).png"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import sys; from PIL import Image; Image.new('RGB', (\(width), \(height)), (200, 30, 30)).save(sys.argv[1])", path]
        try process.run()
        process.waitUntilExit()
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try FileIO.read(path)
    }

    func run(_ arguments: String...) throws -> BinaryRunner.Result {
        try BinaryRunner.run(arguments, in: project)
    }

    func review() throws -> ReviewFile {
        try #require(try ReviewFile.load("\(project)/alt-text/decks/talk.pptx.json"))
    }

    @Test func repeatsIconArraysAndLinksByDefault() throws {
        let build = try run("build", "decks")
        #expect(build.status == 0, "\(build.stderr)")
        let file = try review()
        // The logo: described (here: left for a person) on slide 1, decorative on slides 2 to 4.
        #expect(file.entry("slide1:20")?.state == .needsReview)
        for slide in 2...4 {
            let logo = file.entry("slide\(slide):20")
            #expect(logo?.state == .decorative, "slide \(slide)")
            #expect(logo?.reason == "the same picture at the same place on 4 slides (a logo or background); described on slide 1")
        }
        // Five batteries: the first left for a person, the other four decorative.
        #expect(file.entry("slide2:30")?.state == .needsReview)
        for id in 31...34 {
            #expect(file.entry("slide2:\(id)")?.reason == "one of 5 copies of a small picture on slide 2 (an icon array); the first is described")
        }
        // The home button shares the icon's picture but is a link: never decorative, and says where it goes.
        let home = file.entry("slide2:40")
        #expect(home?.state == .generated && home?.text == "Link: go to slide 1.", "\(String(describing: home))")
        // The photo: nothing repeats it.
        #expect(file.entry("slide3:50")?.state == .needsReview)
        let output = try Deck(path: "\(project)/build/decks/talk.pptx").inventory().slots
        #expect(file.entry("slide3:60")?.reason == "ink drawn on the slide with a pen (a stroke, not a placed picture)")
        #expect(file.entry("slide3:70")?.reason?.hasPrefix("a picture of a line (a rule or divider)") == true)
        #expect(output.filter(\.isDecorative).count == 9)
        #expect(output.first { $0.shapeID == "40" }?.descr == "Link: go to slide 1.")

        // The decisions are listed with their reasons, and a person overrides one by writing its text.
        let list = try run("review", "list", "decks/talk.pptx")
        #expect(list.stdout.contains("[decorative]  (the same picture at the same place on 4 slides"), "\(list.stdout)")
        #expect(try run("review", "set", "decks/talk.pptx", "slide4:20", "Company logo, with the closing slogan").status == 0)
        #expect(try run("build", "decks").status == 0)
        #expect(try review().entry("slide4:20")?.state == .edited)
        #expect(try Deck(path: "\(project)/build/decks/talk.pptx").inventory().slots.first { $0.slide == 4 && $0.shapeID == "20" }?.isDecorative == false)
    }

    @Test func theModesAndTheSizeRuleNeverHideALink() throws {
        let repeats = try run("build", "decks", "--decorative", "mark-only-repeats")
        #expect(repeats.status == 0, "\(repeats.stderr)")
        #expect(try review().slots.filter { $0.state == .decorative }.count == 3, "only the logo's repeats")
        let off = try run("build", "decks", "--decorative", "off")
        #expect(off.stdout.contains("1 built"), "the setting is part of the key: \(off.stdout)")
        #expect(try review().slots.filter { $0.state == .decorative }.isEmpty)
        // Even a size rule that covers every small picture leaves the linked button alone.
        _ = try run("build", "decks", "--decorative", "off", "--decorative-below", "5")
        let file = try review()
        #expect(file.entry("slide2:40")?.state == .generated)
        #expect(file.entry("slide2:31")?.reason == "small picture (--decorative-below)")
    }

    /// A chart's fallback picture (what older readers show) gets the chart's
    /// description from its data, not OCR of its axis labels nor a request
    /// for a person: it is the same chart.
    @Test func aChartsFallbackPictureGetsTheChartsDescription() throws {
        let chart = DeckFixture.graphicFrame(id: 7, name: "Chart 6", uri: "http://schemas.openxmlformats.org/drawingml/2006/chart",
                                             body: #"<c:chart r:id="rIdChart"/>"#)
        let shapes = """
            <mc:AlternateContent><mc:Choice Requires="c14">\(chart)</mc:Choice>\
            <mc:Fallback>\(DeckFixture.picture(id: 7, name: "Chart 6", embed: "rIdImg"))</mc:Fallback></mc:AlternateContent>
            """
        let deck = DeckFixture(slides: [.init(shapes: shapes, relationships: [("rIdChart", "chart", "../charts/chart1.xml"),
                                                                             ("rIdImg", "image", "../media/image1.png")])],
                               parts: [("ppt/charts/chart1.xml", Array(Fixtures.chartXML().utf8)), ("ppt/media/image1.png", try Self.png(60, 40))])
        try fm.write(deck.bytes(), to: "\(project)/decks/chart.pptx")
        let build = try run("build", "decks/chart.pptx")
        #expect(build.status == 0 && build.stdout.contains("1 describer call"), "\(build.stdout)\(build.stderr)")
        let slots = try Deck(path: "\(project)/build/decks/chart.pptx").inventory().slots
        let texts = slots.map { $0.descr ?? "" }
        #expect(slots.count == 2 && texts[0] == texts[1] && texts[0].contains("chart"), "\(texts)")
        let entries = try #require(try ReviewFile.load("\(project)/alt-text/decks/chart.pptx.json")).slots
        #expect(entries.allSatisfy { $0.state == .generated }, "\(entries)")
    }
}
