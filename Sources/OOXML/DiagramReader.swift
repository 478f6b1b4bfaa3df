import AltbuildSupport
/// Reads a SmartArt data model (`dgm:dataModel`): its layout and its node tree.
///
/// Points (`dgm:pt`) of type `node` (the default) and `asst` (an org chart's
/// assistant) hold the user's words; `doc` is the diagram itself, the root.
/// Connections (`dgm:cxn`) of type `parOf` (the default) link a parent
/// (`srcId`) to a child (`destId`), ordered by `srcOrd`; other types tie
/// points to their drawn shapes and are not part of the tree.
enum DiagramReader {
    /// Points and connections read at most; PowerPoint writes about ten per node.
    static let maxPoints = 20_000
    /// Nodes with text kept at most: far more than a slide can show.
    static let maxItems = 2_000
    /// Deepest level kept; deeper nodes are listed at this level.
    static let maxLevel = 31

    private struct Point {
        var id: String
        var text: String
    }

    static func read(_ document: XMLDocument, layout: XMLDocument? = nil) -> DiagramData {
        guard let root = document.root else { return DiagramData() }
        var points: [Point] = []
        var documentPoint: XMLElement?
        var otherTexts: [String] = []  // text outside content points: a last resort
        for (index, pt) in (root.child(.diagram, "ptLst")?.children(.diagram, "pt") ?? []).prefix(maxPoints).enumerated() {
            let type = pt.attribute("type") ?? "node"
            if type == "doc" { documentPoint = documentPoint ?? pt }
            let text = pt.child(.diagram, "t").map(inlineText) ?? ""
            guard type == "node" || type == "asst" else {
                if !text.isEmpty && type != "parTrans" && type != "sibTrans" { otherTexts.append(text) }
                continue
            }
            // A point without an id can be in no connection, but its words still count.
            points.append(Point(id: pt.attribute("modelId") ?? "#\(index)", text: text))
        }
        let layoutID = DiagramLayout.layoutID(documentPoint: documentPoint, layout: layout)
        var data = DiagramData(
            layout: layoutID,
            category: DiagramLayout.category(documentPoint: documentPoint, layout: layout, layoutID: layoutID))
        (data.items, data.truncated) = tree(points, connections: root.child(.diagram, "cxnLst"),
                                            documentID: documentPoint?.attribute("modelId"))
        if data.items.isEmpty { data.items = otherTexts.prefix(maxItems).map { DiagramItem($0) } }
        return data
    }

    /// The nodes in reading order with their depth. A node without text is
    /// left out and its children move up a level; nodes the connections do not
    /// reach from the diagram (no `cxnLst`, or a broken one) are still listed,
    /// at the top level, so no text is ever dropped for a bad link.
    private static func tree(_ points: [Point], connections: XMLElement?, documentID: String?) -> ([DiagramItem], Bool) {
        let known = Dictionary(points.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var children: [String: [(order: Int, seq: Int, id: String)]] = [:]
        var hasParent = Set<String>()
        for (seq, cxn) in (connections?.children(.diagram, "cxn") ?? []).prefix(maxPoints).enumerated() {
            guard (cxn.attribute("type") ?? "parOf") == "parOf",
                  let source = cxn.attribute("srcId"), let destination = cxn.attribute("destId"),
                  known[destination] != nil, source != destination else { continue }
            let order = cxn.attribute("srcOrd").flatMap { Int($0) } ?? 0
            children[source, default: []].append((order, seq, destination))
            if source == documentID || known[source] != nil { hasParent.insert(destination) }
        }
        var items: [DiagramItem] = []
        var visited = Set<String>()
        var truncated = false
        // Depth-first without recursion: the stack holds (id, level), last out first.
        func visit(_ start: [String], level: Int) {
            var stack = start.reversed().map { ($0, level) }
            while let (id, level) = stack.popLast() {
                guard visited.insert(id).inserted, let point = known[id] else { continue }
                var childLevel = level
                if !point.text.isEmpty {
                    guard items.count < maxItems else { truncated = true; return }
                    items.append(DiagramItem(point.text, level: min(level, maxLevel)))
                    childLevel = level + 1
                }
                let next = (children[id] ?? []).sorted { ($0.order, $0.seq) < ($1.order, $1.seq) }
                stack += next.reversed().map { ($0.id, childLevel) }
            }
        }
        let top = documentID.map { id in (children[id] ?? []).sorted { ($0.order, $0.seq) < ($1.order, $1.seq) }.map(\.id) } ?? []
        visit(top, level: 0)
        visit(points.map(\.id).filter { !hasParent.contains($0) }, level: 0)
        visit(points.map(\.id), level: 0)  // what is left sits in a cycle of links
        return (items, truncated)
    }

    /// The text of a SmartArt's drawing part (`dsp:drawing`, the shapes
    /// PowerPoint last drew), one item per paragraph: the words a listener
    /// should hear when the data model has none, as decks from some
    /// converters have.
    static func drawingTexts(_ document: XMLDocument) -> [DiagramItem] {
        guard let root = document.root else { return [] }
        return root.descendants { $0.is(.drawing, "p") }.prefix(maxItems)
            .map(inlineText).filter { !$0.isEmpty }.map { DiagramItem($0) }
    }
}

extension DiagramReader {
    /// Reads the SmartArt whose data part is `dataPart`, with its layout part
    /// when the deck has it, and falls back to the drawing part's text when
    /// the data model holds none: a diagram with words on the slide is never
    /// described as an empty one. The drawing part is the one the data model
    /// names (`dsp:dataModelExt relId`, a relationship of the slide).
    static func read(package: OPCPackage, slidePart: String, dataPart: String, layoutPart: String?) throws -> DiagramData {
        let document = try package.xml(dataPart)
        let layout = try layoutPart.flatMap { package.contains($0) ? try package.xml($0) : nil }
        var data = read(document, layout: layout)
        guard data.items.isEmpty,
              let relID = document.root?.descendants(where: { $0.hasLocalName("dataModelExt") }).first?.attribute("relId"),
              let drawing = try package.relationship(of: slidePart, id: relID), !drawing.isExternal,
              package.contains(drawing.target) else { return data }
        data.items = drawingTexts(try package.xml(drawing.target))
        return data
    }
}
