import Foundation

/// Ready-made decks shared by several tests.
enum Fixtures {
    static let pictureBytes = DeckFixture.png
    static let videoBytes: [UInt8] = Array("not really an mp4, but bytes to hash".utf8)

    static func chartXML(strict: Bool = false) -> String {
        let c = strict ? "http://purl.oclc.org/ooxml/drawingml/chart" : "http://schemas.openxmlformats.org/drawingml/2006/chart"
        let a = strict ? "http://purl.oclc.org/ooxml/drawingml/main" : "http://schemas.openxmlformats.org/drawingml/2006/main"
        func series(_ name: String, _ values: [Int]) -> String {
            let cats = ["Q1", "Q2", "Q3", "Q4"].enumerated().map { #"<c:pt idx="\#($0.offset)"><c:v>\#($0.element)</c:v></c:pt>"# }.joined()
            let vals = values.enumerated().map { #"<c:pt idx="\#($0.offset)"><c:v>\#($0.element)</c:v></c:pt>"# }.joined()
            return """
                <c:ser><c:idx val="0"/><c:tx><c:strRef><c:f>Sheet1!$B$1</c:f><c:strCache><c:ptCount val="1"/><c:pt idx="0"><c:v>\(name)</c:v></c:pt></c:strCache></c:strRef></c:tx>\
                <c:cat><c:strRef><c:f>Sheet1!$A$2:$A$5</c:f><c:strCache><c:ptCount val="4"/>\(cats)</c:strCache></c:strRef></c:cat>\
                <c:val><c:numRef><c:f>Sheet1!$B$2:$B$5</c:f><c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="4"/>\(vals)</c:numCache></c:numRef></c:val></c:ser>
                """
        }
        return DeckFixture.header + """
            <c:chartSpace xmlns:c="\(c)" xmlns:a="\(a)"><c:chart>\
            <c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>Revenue by quarter</a:t></a:r></a:p></c:rich></c:tx></c:title>\
            <c:plotArea><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/>\
            \(series("North", [10, 20, 30, 40]))\(series("South", [15, 12, 9, 5]))\
            </c:barChart></c:plotArea></c:chart></c:chartSpace>
            """
    }

    static let chartexXML = DeckFixture.header + """
        <cx:chartSpace xmlns:cx="http://schemas.microsoft.com/office/drawing/2014/chartex" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">\
        <cx:chartData><cx:data id="0"><cx:strDim type="cat"><cx:lvl ptCount="3"><cx:pt idx="0">Start</cx:pt><cx:pt idx="1">Sales</cx:pt><cx:pt idx="2">End</cx:pt></cx:lvl></cx:strDim>\
        <cx:numDim type="val"><cx:lvl ptCount="3" formatCode="General"><cx:pt idx="0">100</cx:pt><cx:pt idx="1">50</cx:pt><cx:pt idx="2">150</cx:pt></cx:lvl></cx:numDim></cx:data></cx:chartData>\
        <cx:chart><cx:title><cx:tx><cx:rich><a:bodyPr/><a:p><a:r><a:t>Cash bridge</a:t></a:r></a:p></cx:rich></cx:tx></cx:title>\
        <cx:plotArea><cx:plotAreaRegion><cx:series layoutId="waterfall"><cx:dataId val="0"/></cx:series></cx:plotAreaRegion></cx:plotArea></cx:chart></cx:chartSpace>
        """

    static let diagramXML = DeckFixture.header + """
        <dgm:dataModel xmlns:dgm="http://schemas.openxmlformats.org/drawingml/2006/diagram" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><dgm:ptLst>\
        <dgm:pt modelId="{0}" type="doc"><dgm:prSet/><dgm:spPr/><dgm:t><a:bodyPr/><a:p><a:endParaRPr/></a:p></dgm:t></dgm:pt>\
        <dgm:pt modelId="{1}"><dgm:prSet/><dgm:spPr/><dgm:t><a:bodyPr/><a:p><a:r><a:t>Plan</a:t></a:r></a:p></dgm:t></dgm:pt>\
        <dgm:pt modelId="{2}"><dgm:prSet/><dgm:spPr/><dgm:t><a:bodyPr/><a:p><a:r><a:t>Build</a:t></a:r></a:p></dgm:t></dgm:pt>\
        <dgm:pt modelId="{3}" type="parTrans"><dgm:prSet/><dgm:spPr/><dgm:t><a:bodyPr/><a:p><a:r><a:t>ignored</a:t></a:r></a:p></dgm:t></dgm:pt>\
        <dgm:pt modelId="{4}"><dgm:prSet/><dgm:spPr/><dgm:t><a:bodyPr/><a:p><a:r><a:t>Ship</a:t></a:r></a:p></dgm:t></dgm:pt>\
        </dgm:ptLst><dgm:cxnLst/></dgm:dataModel>
        """

    static let tableBody = """
        <a:tbl><a:tblPr firstRow="1"/><a:tblGrid><a:gridCol w="100"/><a:gridCol w="100"/><a:gridCol w="100"/></a:tblGrid>\
        <a:tr h="10"><a:tc><a:txBody><a:bodyPr/><a:p><a:r><a:t>Region</a:t></a:r></a:p></a:txBody></a:tc><a:tc><a:txBody><a:bodyPr/><a:p><a:r><a:t>Q1</a:t></a:r></a:p></a:txBody></a:tc><a:tc><a:txBody><a:bodyPr/><a:p><a:r><a:t>Q2</a:t></a:r></a:p></a:txBody></a:tc></a:tr>\
        <a:tr h="10"><a:tc><a:txBody><a:bodyPr/><a:p><a:r><a:t>North</a:t></a:r></a:p></a:txBody></a:tc><a:tc><a:txBody><a:bodyPr/><a:p><a:r><a:t>1</a:t></a:r></a:p></a:txBody></a:tc><a:tc><a:txBody><a:bodyPr/><a:p><a:r><a:t>2</a:t></a:r></a:p></a:txBody></a:tc></a:tr>\
        </a:tbl>
        """

    /// One slide with every slot kind, a second slide listed first in
    /// `p:sldIdLst` but stored as `slide9.xml`, and media, chart and diagram parts.
    static func kitchenSink(strict: Bool = false) -> DeckFixture {
        let p = DeckFixture.self
        let video = """
            <p:nvPr><a:videoFile r:link="rIdVid"/><p:extLst><p:ext uri="{DAA4B4D4-6D71-4841-9C94-3DE7FCFB9230}"><p14:media r:embed="rIdMedia"/></p:ext></p:extLst></p:nvPr>
            """
        let shapes = [
            p.textBox(id: 100, name: "Title 1", text: "Quarterly results", placeholder: "title"),
            p.picture(id: 2, name: "Picture 1", x: 1_000_000, y: 1_000_000, cx: 3_000_000, cy: 2_000_000),
            p.textBox(id: 3, name: "Caption", text: "Figure 1: the new office", x: 1_000_000, y: 3_100_000),
            p.group(id: 10, name: "Group 9", children:
                p.picture(id: 11, name: "Picture 10", descr: "image.png")
                + p.group(id: 12, name: "Group 11", children: p.picture(id: 13, name: "Picture 12", descr: "A red bicycle leaning on a wall"))),
            """
            <mc:AlternateContent><mc:Choice Requires="p14">\(p.picture(id: 20, name: "Picture 19"))</mc:Choice>\
            <mc:Fallback>\(p.picture(id: 20, name: "Picture 19"))</mc:Fallback></mc:AlternateContent>
            """,
            p.graphicFrame(id: 30, name: "Chart 29", uri: strict ? "http://purl.oclc.org/ooxml/drawingml/chart" : "http://schemas.openxmlformats.org/drawingml/2006/chart",
                           body: #"<c:chart r:id="rIdChart"/>"#),
            p.graphicFrame(id: 31, name: "Chart 30", uri: "http://schemas.microsoft.com/office/drawing/2014/chartex",
                           body: #"<cx:chart r:id="rIdChartEx"/>"#),
            p.graphicFrame(id: 32, name: "Table 31", uri: strict ? "http://purl.oclc.org/ooxml/drawingml/table" : "http://schemas.openxmlformats.org/drawingml/2006/table",
                           body: tableBody),
            p.graphicFrame(id: 33, name: "Diagram 32", uri: strict ? "http://purl.oclc.org/ooxml/drawingml/diagram" : "http://schemas.openxmlformats.org/drawingml/2006/diagram",
                           body: #"<dgm:relIds r:dm="rIdDm" r:lo="rIdLo" r:qs="rIdQs" r:cs="rIdCs"/>"#),
            p.graphicFrame(id: 34, name: "Object 33", uri: strict ? "http://purl.oclc.org/ooxml/presentationml/ole" : "http://schemas.openxmlformats.org/presentationml/2006/ole",
                           body: #"<p:oleObj progId="Excel.Sheet.12" r:id="rIdOle"><p:embed/></p:oleObj>"#),
            p.graphicFrame(id: 35, name: "3D Model 34", uri: "http://schemas.microsoft.com/office/drawing/2017/model3d",
                           body: #"<am3d:model3d xmlns:am3d="http://schemas.microsoft.com/office/drawing/2017/model3d" r:embed="rIdModel"/>"#),
            """
            <p:sp><p:nvSpPr><p:cNvPr id="40" name="Rectangle 39"/><p:cNvSpPr/><p:nvPr/></p:nvSpPr>\
            <p:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="100" cy="100"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom>\
            <a:blipFill><a:blip r:embed="rIdImg"/><a:stretch><a:fillRect/></a:stretch></a:blipFill></p:spPr></p:sp>
            """,
            p.picture(id: 50, name: "Video 49", nvPr: video),
            p.picture(id: 51, name: "Audio 50", nvPr: #"<p:nvPr><a:audioFile r:link="rIdAud"/></p:nvPr>"#),
            p.picture(id: 60, name: "Divider", x: 8_000_000, y: 5_000_000, cx: 100_000, cy: 100_000, extLst: DeckFixture.decorativeExtension),
            p.picture(id: 61, name: "Picture 60", descr: "A picture containing person&#10;&#10;Description automatically generated"),
        ].joined()
        let slide1 = DeckFixture.Slide(
            shapes: shapes,
            relationships: [
                ("rIdImg", "image", "../media/image1.png"),
                ("rIdChart", "chart", "../charts/chart1.xml"),
                ("rIdChartEx", "http://schemas.microsoft.com/office/2014/relationships/chartEx", "../charts/chartEx1.xml"),
                ("rIdDm", "diagramData", "../diagrams/data1.xml"),
                ("rIdOle", "oleObject", "../embeddings/oleObject1.bin"),
                ("rIdModel", "http://schemas.microsoft.com/office/2017/06/relationships/model3d", "../media/model1.glb"),
                ("rIdVid", "video", "../media/media1.mp4"),
                ("rIdMedia", "http://schemas.microsoft.com/office/2007/relationships/media", "../media/media1.mp4"),
                ("rIdAud", "audio", "../media/media2.mp3"),
            ],
            notes: "Remember to thank the facilities team",
            fileName: "slide9.xml")
        let slide2 = DeckFixture.Slide(
            shapes: p.textBox(id: 100, name: "Title 1", text: "Second slide", placeholder: "ctrTitle") + p.picture(id: 2, name: "Picture 1"),
            relationships: [("rIdImg", "image", "../media/image1.png")],
            fileName: "slide2.xml")
        return DeckFixture(
            slides: [slide1, slide2], strict: strict,
            parts: [
                ("ppt/media/image1.png", pictureBytes),
                ("ppt/charts/chart1.xml", Array(chartXML(strict: strict).utf8)),
                ("ppt/charts/chartEx1.xml", Array(chartexXML.utf8)),
                ("ppt/diagrams/data1.xml", Array(diagramXML.utf8)),
                ("ppt/embeddings/oleObject1.bin", [1, 2, 3]),
                ("ppt/media/model1.glb", [4, 5, 6]),
                ("ppt/media/media1.mp4", videoBytes),
                ("ppt/media/media2.mp3", [7, 8, 9]),
            ])
    }

    static func temporaryDirectory() -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("altbuild-tests-\(UUID().uuidString)").path
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}
