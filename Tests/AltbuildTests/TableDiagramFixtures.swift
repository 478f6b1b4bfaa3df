import Foundation

/// Generated tables and SmartArt for the description tests: merged cells,
/// missing headers, long headers, and diagrams written the way PowerPoint
/// writes them (document point, `parOf` connections, layout part, drawing part).
enum TableDiagramFixtures {
    static let tableURI = "http://schemas.openxmlformats.org/drawingml/2006/table"
    static let diagramURI = "http://schemas.openxmlformats.org/drawingml/2006/diagram"
    static let dgm = "http://schemas.openxmlformats.org/drawingml/2006/diagram"
    static let a = "http://schemas.openxmlformats.org/drawingml/2006/main"

    /// One `a:tc`; `attributes` such as `gridSpan="2"` or `hMerge="1"`; `text` is raw paragraph XML when it starts with `<`.
    static func cell(_ text: String, _ attributes: String = "") -> String {
        let paragraphs = text.hasPrefix("<") ? text : "<a:p><a:r><a:t>\(text)</a:t></a:r></a:p>"
        return "<a:tc \(attributes)><a:txBody><a:bodyPr/>\(paragraphs)</a:txBody></a:tc>"
    }

    static func table(firstRow: Bool, columns: Int, rows: [[String]]) -> String {
        let grid = String(repeating: #"<a:gridCol w="100"/>"#, count: columns)
        return "<a:tbl><a:tblPr\(firstRow ? #" firstRow="1""# : "")/><a:tblGrid>\(grid)</a:tblGrid>"
            + rows.map { #"<a:tr h="10">"# + $0.joined() + "</a:tr>" }.joined() + "</a:tbl>"
    }

    /// Plain cells from texts.
    static func row(_ texts: String...) -> [String] { texts.map { cell($0) } }

    struct Node {
        var id: String
        var parent: String
        var text: String
        var type = "node"
    }

    /// A data model: a document point "doc" carrying the layout choice, the
    /// nodes, a transition and a presentation point per node (as PowerPoint
    /// writes them; neither is content), and `parOf` connections written in
    /// reverse, so only `srcOrd` gives the order.
    static func dataModel(layoutID: String?, category: String?, nodes: [Node], drawingRelID: String? = nil) -> String {
        let prSet = "<dgm:prSet" + (layoutID.map { #" loTypeId="\#($0)""# } ?? "") + (category.map { #" loCatId="\#($0)""# } ?? "") + "/>"
        var points = #"<dgm:pt modelId="doc" type="doc">\#(prSet)<dgm:spPr/><dgm:t><a:bodyPr/><a:p><a:endParaRPr/></a:p></dgm:t></dgm:pt>"#
        var connections = ""
        var order: [String: Int] = [:]
        var links: [String] = []
        for node in nodes {
            let type = node.type == "node" ? "" : #" type="\#(node.type)""#
            points += #"<dgm:pt modelId="\#(node.id)"\#(type)><dgm:prSet/><dgm:spPr/><dgm:t><a:bodyPr/><a:p><a:r><a:t>\#(node.text)</a:t></a:r></a:p></dgm:t></dgm:pt>"#
            points += #"<dgm:pt modelId="par-\#(node.id)" type="parTrans"><dgm:prSet/><dgm:spPr/><dgm:t><a:bodyPr/><a:p><a:r><a:t>not content</a:t></a:r></a:p></dgm:t></dgm:pt>"#
            points += #"<dgm:pt modelId="pres-\#(node.id)" type="pres"><dgm:prSet presName="node"/><dgm:spPr/></dgm:pt>"#
            let ord = order[node.parent, default: 0]
            order[node.parent] = ord + 1
            links.append(#"<dgm:cxn modelId="c-\#(node.id)" srcId="\#(node.parent)" destId="\#(node.id)" srcOrd="\#(ord)" destOrd="0" parTransId="par-\#(node.id)"/>"#)
            links.append(#"<dgm:cxn modelId="p-\#(node.id)" type="presOf" srcId="\#(node.id)" destId="pres-\#(node.id)" srcOrd="0" destOrd="0"/>"#)
        }
        connections = links.reversed().joined()
        let ext = drawingRelID.map {
            #"<dgm:extLst><a:ext uri="http://schemas.microsoft.com/office/drawing/2008/diagram"><dsp:dataModelExt xmlns:dsp="http://schemas.microsoft.com/office/drawing/2008/diagram" relId="\#($0)" minVer="http://schemas.openxmlformats.org/drawingml/2006/diagram"/></a:ext></dgm:extLst>"#
        } ?? ""
        return DeckFixture.header + #"<dgm:dataModel xmlns:dgm="\#(dgm)" xmlns:a="\#(a)"><dgm:ptLst>\#(points)</dgm:ptLst><dgm:cxnLst>\#(connections)</dgm:cxnLst><dgm:bg/><dgm:whole/>\#(ext)</dgm:dataModel>"#
    }

    static func layoutPart(uniqueID: String, categories: [(String, Int)]) -> String {
        let cats = categories.map { #"<dgm:cat type="\#($0.0)" pri="\#($0.1)"/>"# }.joined()
        return DeckFixture.header + #"<dgm:layoutDef xmlns:dgm="\#(dgm)" xmlns:a="\#(a)" uniqueId="\#(uniqueID)"><dgm:title val=""/><dgm:catLst>\#(cats)</dgm:catLst></dgm:layoutDef>"#
    }

    static func drawingPart(_ texts: [String]) -> String {
        let shapes = texts.map {
            #"<dsp:sp modelId="x"><dsp:txBody><a:bodyPr/><a:p><a:r><a:t>\#($0)</a:t></a:r></a:p></dsp:txBody></dsp:sp>"#
        }.joined()
        return DeckFixture.header + #"<dsp:drawing xmlns:dsp="http://schemas.microsoft.com/office/drawing/2008/diagram" xmlns:a="\#(a)"><dsp:spTree>\#(shapes)</dsp:spTree></dsp:drawing>"#
    }

    /// A SmartArt's parts: the data model, and optionally its layout and drawing.
    struct Diagram {
        var data: String
        var layout: String? = nil
        var drawing: String? = nil
    }

    /// One slide: the tables as shapes 10, 11, …, then the diagrams as shapes 50, 51, ….
    static func deck(tables: [String] = [], diagrams: [Diagram] = []) -> DeckFixture {
        var shapes = tables.enumerated().map { DeckFixture.graphicFrame(id: 10 + $0.offset, name: "Table \($0.offset)", uri: tableURI, body: $0.element) }
        var relationships: [(id: String, type: String, target: String)] = []
        var parts: [(name: String, bytes: [UInt8])] = []
        for (index, diagram) in diagrams.enumerated() {
            let n = index + 1
            shapes.append(DeckFixture.graphicFrame(id: 50 + index, name: "Diagram \(index)", uri: diagramURI,
                                                   body: #"<dgm:relIds r:dm="rIdDm\#(n)" r:lo="rIdLo\#(n)" r:qs="rIdQs\#(n)" r:cs="rIdCs\#(n)"/>"#))
            relationships.append(("rIdDm\(n)", "diagramData", "../diagrams/data\(n).xml"))
            parts.append(("ppt/diagrams/data\(n).xml", Array(diagram.data.utf8)))
            if let layout = diagram.layout {
                relationships.append(("rIdLo\(n)", "diagramLayout", "../diagrams/layout\(n).xml"))
                parts.append(("ppt/diagrams/layout\(n).xml", Array(layout.utf8)))
            }
            if let drawing = diagram.drawing {
                relationships.append(("rIdDr\(n)", "http://schemas.microsoft.com/office/2007/relationships/diagramDrawing", "../diagrams/drawing\(n).xml"))
                parts.append(("ppt/diagrams/drawing\(n).xml", Array(drawing.utf8)))
            }
        }
        return DeckFixture(slides: [DeckFixture.Slide(shapes: shapes.joined(), relationships: relationships)], parts: parts)
    }
}
