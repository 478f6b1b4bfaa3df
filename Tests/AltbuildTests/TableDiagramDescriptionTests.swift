import Testing
@testable import OOXML
@testable import Describers

/// Golden texts for tables and SmartArt, read from generated decks.
@Suite struct TableDiagramDescriptionTests {
    typealias F = TableDiagramFixtures

    func slots(_ deck: DeckFixture) throws -> [Slot] {
        try Deck(bytes: deck.bytes(), path: "t.pptx").inventory().slots
    }

    func describe(_ slot: Slot) -> String {
        BuiltinDescriber(recognizer: nil).describeNow(DescriptionRequest(slot: slot)).text
    }

    func texts(_ deck: DeckFixture) throws -> [String] {
        try slots(deck).map(describe)
    }

    // MARK: - Tables

    @Test func mergedCellsAreReadFromTheirOrigin() throws {
        // A two-row header: "Region" merged down, "Sales 2024" merged across four quarters.
        let twoRowHeader = F.table(firstRow: true, columns: 5, rows: [
            [F.cell("Region", #"rowSpan="2""#), F.cell("Sales 2024", #"gridSpan="4""#), F.cell("", #"hMerge="1""#), F.cell("", #"hMerge="1""#), F.cell("", #"hMerge="1""#)],
            [F.cell("", #"vMerge="1""#), F.cell("Q1"), F.cell("Q2"), F.cell("Q3"), F.cell("Q4")],
            F.row("North", "10", "20", "30", "40"),
            F.row("South", "15", "12", "9", "5"),
        ])
        // One header cell merged across two columns: listed once, never as a blank.
        let spanned = F.table(firstRow: true, columns: 4, rows: [
            [F.cell("Region"), F.cell("Sales", #"gridSpan="2""#), F.cell("merged cell", #"hMerge="1""#), F.cell("Notes")],
            F.row("North", "1", "2", "ok"),
        ])
        // A writer that leaves out the cells a gridSpan covers: later cells keep their columns.
        let omitted = F.table(firstRow: true, columns: 3, rows: [
            [F.cell("Name", #"gridSpan="2""#), F.cell("Total")],
            F.row("Ada", "Lovelace", "3"),
        ])
        #expect(try texts(F.deck(tables: [twoRowHeader, spanned, omitted])) == [
            "Table with 4 rows and 5 columns; columns: Region, Q1, Q2, Q3 and Q4.",
            "Table with 2 rows and 4 columns; columns: Region, Sales and Notes.",
            "Table with 2 rows and 3 columns; columns: Name and Total.",
        ])
    }

    @Test func aTableWithoutHeaderRowSaysSo() throws {
        let words = F.table(firstRow: false, columns: 2, rows: [F.row("Apples", "Pears"), F.row("Plums", "Figs"), F.row("Kiwis", "Limes")])
        let numbers = F.table(firstRow: false, columns: 2, rows: [F.row("1", "2"), F.row("3", "4")])
        let empty = F.table(firstRow: false, columns: 2, rows: [F.row("", ""), F.row("a", "b")])
        #expect(try texts(F.deck(tables: [words, numbers, empty])) == [
            "Table with 3 rows and 2 columns, no header row; first row: Apples and Pears.",
            "Table with 2 rows and 2 columns, no header row; first row: 1 and 2.",
            "Table with 2 rows and 2 columns, no header row.",
        ])
    }

    @Test func aRowOfTextOverNumbersIsAHeader() throws {
        let table = F.table(firstRow: false, columns: 3, rows: [F.row("Region", "Q1", "Share"), F.row("North", "1,200", "12%"), F.row("South", "$950", "(4)")])
        #expect(try texts(F.deck(tables: [table])) == ["Table with 3 rows and 3 columns; columns: Region, Q1 and Share."])
    }

    @Test func longHeadersAreCutAtAWordAndBreaksBecomeSpaces() throws {
        let table = F.table(firstRow: true, columns: 3, rows: [
            [F.cell("Employment of workers with a Bachelor’s degree or better"),
             F.cell("<a:p><a:r><a:t>Charts</a:t></a:r><a:br/><a:r><a:t>Are</a:t></a:r></a:p><a:p><a:r><a:t>Here</a:t></a:r></a:p>"),
             F.cell("  spaced \t  out  ")],
            F.row("1", "2", "3"),
        ])
        let text = try #require(try texts(F.deck(tables: [table])).first)
        #expect(text == "Table with 2 rows and 3 columns; columns: Employment of workers with a…, Charts Are Here and spaced out.")
        // Every word of the cut name is a whole word of the cell.
        let cellWords = Set("Employment of workers with a Bachelor’s degree or better".split(separator: " "))
        #expect("Employment of workers with a".split(separator: " ").allSatisfy(cellWords.contains))
    }

    @Test func aLongFirstWordIsKeptWholeAndAnEmptyTableSaysSo() {
        #expect(LabelText.clip("Donaudampfschifffahrtsgesellschaftskapitän und Sohn", 30) == "Donaudampfschifffahrtsgesellschaftskapitän…")
        #expect(LabelText.clip(String(repeating: "x", count: 70), 30) == String(repeating: "x", count: 60) + "…")
        #expect(TableDescription.describe(TableData(rows: 0, columns: 0, header: [], firstRowIsHeader: false)) == "Empty table.")
    }

    @Test func hostileTablesAreClamped() throws {
        let table = F.table(firstRow: true, columns: 1, rows: [
            [F.cell("", #"vMerge="1""#), F.cell("Wide", #"gridSpan="2147483647""#), F.cell("After")],
            [F.cell("x", #"hMerge="1""#), F.cell("y", #"gridSpan="-5""#)],
        ])
        let slot = try #require(try slots(F.deck(tables: [table])).first)
        guard case .table(let data) = slot.content else { Issue.record("no table"); return }
        #expect(data.columns == TableGrid.maxColumns)
        #expect(data.header == ["Wide"])
    }

    // MARK: - SmartArt

    static func org() -> [F.Node] {
        [F.Node(id: "ceo", parent: "doc", text: "CEO"),
         F.Node(id: "cfo", parent: "ceo", text: "CFO"),
         F.Node(id: "acc", parent: "cfo", text: "Accounts"),
         F.Node(id: "pay", parent: "cfo", text: "Payroll"),
         F.Node(id: "cto", parent: "ceo", text: "CTO"),
         F.Node(id: "dev", parent: "cto", text: "Dev"),
         F.Node(id: "pa", parent: "ceo", text: "Assistant", type: "asst")]
    }

    @Test func anOrgChartKeepsItsHierarchy() throws {
        // The layout part names the layout; the data model names neither it nor the category.
        let diagram = F.Diagram(
            data: F.dataModel(layoutID: nil, category: nil, nodes: Self.org()),
            layout: F.layoutPart(uniqueID: "urn:microsoft.com/office/officeart/2005/8/layout/orgChart1", categories: [("hierarchy", 1000)]))
        let slot = try #require(try slots(F.deck(diagrams: [diagram])).first)
        #expect(describe(slot) == "Hierarchy diagram with 7 items in 3 levels, top: CEO; under it: CFO (Accounts, Payroll), CTO (Dev), Assistant.")
        guard case .diagram(let data) = slot.content else { Issue.record("no diagram"); return }
        #expect(data.layout == "urn:microsoft.com/office/officeart/2005/8/layout/orgChart1")
        #expect(DiagramDescription.fullText(data) == ["CEO", "  CFO", "    Accounts", "    Payroll", "  CTO", "    Dev", "  Assistant"])
    }

    @Test func theLayoutIsReadFromTheDataModelWithoutALayoutPart() throws {
        let process = F.dataModel(layoutID: "urn:microsoft.com/office/officeart/2005/8/layout/process1", category: "process",
                                  nodes: ["Plan", "Build", "Ship"].map { F.Node(id: $0, parent: "doc", text: $0) })
        let cycle = F.dataModel(layoutID: "urn:microsoft.com/office/officeart/2005/8/layout/cycle2", category: nil,
                                nodes: ["Sow", "Grow", "Reap"].map { F.Node(id: $0, parent: "doc", text: $0) })
        let other = F.dataModel(layoutID: "urn:example.com/custom/layout/swirl", category: nil,
                                nodes: ["One", "Two"].map { F.Node(id: $0, parent: "doc", text: $0) })
        #expect(try texts(F.deck(diagrams: [F.Diagram(data: process), F.Diagram(data: cycle), F.Diagram(data: other)])) == [
            "Process diagram with 3 steps: Plan, Build and Ship.",
            "Cycle diagram with 3 steps: Sow, Grow and Reap.",
            "Diagram with 2 items: One and Two.",
        ])
    }

    static func fortyItems() -> [F.Node] {
        var nodes: [F.Node] = []
        for s in 1...4 {
            nodes.append(F.Node(id: "s\(s)", parent: "doc", text: "Strand \(s)"))
            for t in 1...3 {
                nodes.append(F.Node(id: "t\(s)\(t)", parent: "s\(s)", text: "Topic \(s).\(t)"))
                for u in 1...2 { nodes.append(F.Node(id: "u\(s)\(t)\(u)", parent: "t\(s)\(t)", text: "Skill \(s).\(t).\(u)")) }
            }
        }
        return nodes
    }

    @Test func aFortyItemDiagramCountsWhatItCannotList() throws {
        let data = F.dataModel(layoutID: "urn:microsoft.com/office/officeart/2005/8/layout/vList5", category: nil, nodes: Self.fortyItems())
        let slot = try #require(try slots(F.deck(diagrams: [F.Diagram(data: data)])).first)
        let text = describe(slot)
        // The top level whole, then as much of the next as fits; the rest counted.
        #expect(text == "List diagram with 40 items in 3 levels: Strand 1 (Topic 1.1, Topic 1.2, Topic 1.3), Strand 2 (Topic 2.1, Topic 2.2, Topic 2.3), Strand 3, Strand 4 (30 more items).")
        #expect(text.count <= DiagramDescription.budget + " (30 more items)".count)
        guard case .diagram(let diagram) = slot.content else { Issue.record("no diagram"); return }
        let lines = DiagramDescription.fullText(diagram)
        #expect(lines.count == 40)
        #expect(lines.last == "    Skill 4.3.2")
    }

    @Test func textInTheDrawingPartIsUsedWhenTheDataModelHasNone() throws {
        let data = F.dataModel(layoutID: nil, category: nil, nodes: [F.Node(id: "a", parent: "doc", text: ""), F.Node(id: "b", parent: "doc", text: "")],
                               drawingRelID: "rIdDr1")
        let diagram = F.Diagram(data: data, drawing: F.drawingPart(["Alpha", "Beta"]))
        #expect(try texts(F.deck(diagrams: [diagram])) == ["Diagram with 2 items: Alpha and Beta."])
    }

    @Test func pointsWithoutIdOrOutsideTheTreeStillGiveText() throws {
        // No modelId: no connection can reach it, but its words are listed.
        let noID = DeckFixture.header + #"<dgm:dataModel xmlns:dgm="\#(F.dgm)" xmlns:a="\#(F.a)"><dgm:ptLst><dgm:pt><dgm:t><a:p><a:r><a:t>Orphan</a:t></a:r></a:p></dgm:t></dgm:pt></dgm:ptLst></dgm:dataModel>"#
        // Text only in the document point: a last resort, still better than "Diagram on slide 1.".
        let docOnly = DeckFixture.header + #"<dgm:dataModel xmlns:dgm="\#(F.dgm)" xmlns:a="\#(F.a)"><dgm:ptLst><dgm:pt modelId="0" type="doc"><dgm:t><a:p><a:r><a:t>Only here</a:t></a:r></a:p></dgm:t></dgm:pt></dgm:ptLst></dgm:dataModel>"#
        #expect(try texts(F.deck(diagrams: [F.Diagram(data: noID), F.Diagram(data: docOnly)])) == [
            "Diagram with 1 item: Orphan.", "Diagram with 1 item: Only here.",
        ])
    }

    @Test func linksThatLoopOrDanglingAreSurvived() throws {
        // b and c are each other's parent; d's parent does not exist; nothing is dropped.
        let nodes = [F.Node(id: "a", parent: "doc", text: "A"), F.Node(id: "b", parent: "c", text: "B"),
                     F.Node(id: "c", parent: "b", text: "C"), F.Node(id: "d", parent: "nowhere", text: "D")]
        let data = F.dataModel(layoutID: nil, category: nil, nodes: nodes)
        let slot = try #require(try slots(F.deck(diagrams: [F.Diagram(data: data)])).first)
        guard case .diagram(let diagram) = slot.content else { Issue.record("no diagram"); return }
        #expect(Set(diagram.texts) == ["A", "B", "C", "D"])
        #expect(diagram.texts.count == 4)
    }

    @Test func nestedRenderingClosesEveryLevel() {
        let items = [DiagramItem("A"), DiagramItem("A1", level: 1), DiagramItem("A2", level: 1), DiagramItem("A2a", level: 2), DiagramItem("B")]
        #expect(DiagramDescription.nested(items[...], base: 0) == "A (A1, A2 (A2a)), B")
    }
}
