import Testing
import AltbuildSupport
@testable import OOXML

@Suite struct InventoryTests {
    let deck: Deck
    let inventory: DeckInventory

    init() throws {
        deck = try Deck(bytes: Fixtures.kitchenSink().bytes(), path: "sink.pptx")
        inventory = try deck.inventory()
    }

    func slot(_ id: String, slide: Int = 1, branch: String? = nil) throws -> Slot {
        try #require(inventory.slides[slide - 1].slots.first { $0.shapeID == id && $0.alternateBranch == branch })
    }

    @Test func slidesFollowPresentationOrderNotFileNames() {
        #expect(inventory.slides.map(\.part) == ["ppt/slides/slide9.xml", "ppt/slides/slide2.xml"])
        #expect(inventory.slides.map(\.title) == ["Quarterly results", "Second slide"])
        #expect(inventory.slides[1].slots.map(\.slide) == [2])
    }

    @Test func everySlotKindIsFound() throws {
        let kinds = inventory.slides[0].slots.map { "\($0.shapeID):\($0.kind.rawValue)" }
        #expect(kinds == [
            "2:picture", "10:group", "11:picture", "12:group", "13:picture", "20:picture", "20:picture",
            "30:chart", "31:chartex", "32:table", "33:diagram", "34:ole-object", "35:model-3d",
            "40:picture-fill", "50:video", "51:audio", "60:picture", "61:picture",
        ])
        #expect(inventory.slides[0].slots.map(\.ordinal) == Array(0..<18))
    }

    @Test func groupsNestAndAlternateContentBranchesAreBothListed() throws {
        #expect(try slot("11").groupDepth == 1)
        #expect(try slot("13").groupDepth == 2)
        #expect(try slot("20", branch: "choice").kind == .picture)
        #expect(try slot("20", branch: "fallback").kind == .picture)
        guard case .group(let members) = try slot("10").content else { Issue.record("no group content"); return }
        #expect(members.map(\.kind) == [.picture, .group])
        #expect(members.first?.text == "image.png")
    }

    @Test func mediaPartsAndDigests() throws {
        let picture = try slot("2")
        #expect(picture.mediaPart == "ppt/media/image1.png")
        #expect(picture.mediaDigest == SHA256.hash(Fixtures.pictureBytes))
        let video = try slot("50")
        #expect(video.mediaPart == "ppt/media/media1.mp4")
        #expect(video.mediaDigest == SHA256.hash(Fixtures.videoBytes))
        #expect(try slot("51").kind == .audio)
        #expect(try slot("51").mediaPart == "ppt/media/media2.mp3")
        #expect(try slot("40").mediaPart == "ppt/media/image1.png")
        #expect(try slot("30").mediaPart == "ppt/charts/chart1.xml")
        #expect(try slot("34").mediaPart == "ppt/embeddings/oleObject1.bin")
    }

    @Test func positionsAndContext() throws {
        let picture = try slot("2")
        #expect(picture.frame == Frame(x: 1_000_000, y: 1_000_000, width: 3_000_000, height: 2_000_000))
        #expect(picture.context.slideTitle == "Quarterly results")
        #expect(picture.context.caption == "Figure 1: the new office")
        #expect(picture.context.notes == "Remember to thank the facilities team")
        #expect(picture.context.slideText.contains("Figure 1: the new office"))
        #expect(!picture.context.slideText.contains("Quarterly results"))
        // Far from the caption: no caption.
        #expect(try slot("60").context.caption == nil)
    }

    @Test func existingTextIsClassified() throws {
        #expect(try slot("2").state == .missing)
        #expect(try slot("11").state == .placeholder)
        #expect(try slot("13").state == .human)
        #expect(try slot("13").descr == "A red bicycle leaning on a wall")
        #expect(try slot("60").state == .decorative)
        #expect(try slot("60").isDecorative)
        #expect(try slot("61").state == .automatic)
    }

    @Test func structuredContent() throws {
        guard case .chart(let chart) = try slot("30").content else { Issue.record("no chart"); return }
        #expect(chart.types == ["column"])
        #expect(chart.title == "Revenue by quarter")
        #expect(chart.series.map(\.name) == ["North", "South"])
        #expect(chart.series[0].values == [10, 20, 30, 40])
        #expect(chart.categories == ["Q1", "Q2", "Q3", "Q4"])
        guard case .chart(let waterfall) = try slot("31").content else { Issue.record("no chartex"); return }
        #expect(waterfall.types == ["waterfall"])
        #expect(waterfall.title == "Cash bridge")
        #expect(waterfall.categories == ["Start", "Sales", "End"])
        guard case .table(let table) = try slot("32").content else { Issue.record("no table"); return }
        #expect(table == TableData(rows: 2, columns: 3, header: ["Region", "Q1", "Q2"], firstRowIsHeader: true))
        guard case .diagram(let diagram) = try slot("33").content else { Issue.record("no diagram"); return }
        #expect(diagram.texts == ["Plan", "Build", "Ship"])
        guard case .oleObject(let progID) = try slot("34").content else { Issue.record("no ole"); return }
        #expect(progID == "Excel.Sheet.12")
    }

    @Test func strictNamespacesGiveTheSameInventory() throws {
        let strict = try Deck(bytes: Fixtures.kitchenSink(strict: true).bytes(), path: "strict.pptx").inventory()
        #expect(strict.slots.map(\.kind) == inventory.slots.map(\.kind))
        #expect(strict.slots.map(\.state) == inventory.slots.map(\.state))
        #expect(strict.slots.map(\.mediaPart) == inventory.slots.map(\.mediaPart))
        #expect(strict.slots.map(\.content) == inventory.slots.map(\.content))
    }
}

@Suite struct ChartCategoryTests {
    @Test func excelSerialsBecomeDates() {
        #expect(ChartReader.excelDate(37261) == "2002-01-05")
        #expect(ChartReader.excelDate(45292) == "2024-01-01")
        #expect(ChartReader.excelDate(0) == nil)
    }
}
