import Foundation

/// Builds minimal, valid PresentationML packages for tests: just the parts
/// altbuild reads (content types, relationships, presentation, slides, notes,
/// media, charts), in Transitional or Strict namespaces.
struct DeckFixture {
    struct Slide {
        /// XML inside `p:spTree`, written with the prefixes p, a, r, mc, p14, c, dgm, cx.
        var shapes: String
        /// Extra relationships of the slide part: (id, type suffix, target relative to ppt/slides/).
        var relationships: [(id: String, type: String, target: String)] = []
        var notes: String? = nil
        /// Part file name under ppt/slides/ (lets tests decouple order from names).
        var fileName: String? = nil
    }

    var slides: [Slide]
    var strict = false
    /// Other parts: (name, bytes).
    var parts: [(name: String, bytes: [UInt8])] = []
    var omitContentTypes = false
    var omitPresentation = false

    var ns: (p: String, a: String, r: String, c: String, dgm: String, relBase: String) {
        strict
            ? ("http://purl.oclc.org/ooxml/presentationml/main", "http://purl.oclc.org/ooxml/drawingml/main",
               "http://purl.oclc.org/ooxml/officeDocument/relationships", "http://purl.oclc.org/ooxml/drawingml/chart",
               "http://purl.oclc.org/ooxml/drawingml/diagram", "http://purl.oclc.org/ooxml/officeDocument/relationships")
            : ("http://schemas.openxmlformats.org/presentationml/2006/main", "http://schemas.openxmlformats.org/drawingml/2006/main",
               "http://schemas.openxmlformats.org/officeDocument/2006/relationships", "http://schemas.openxmlformats.org/drawingml/2006/chart",
               "http://schemas.openxmlformats.org/drawingml/2006/diagram", "http://schemas.openxmlformats.org/officeDocument/2006/relationships")
    }

    var declarations: String {
        """
        xmlns:p="\(ns.p)" xmlns:a="\(ns.a)" xmlns:r="\(ns.r)" \
        xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" \
        xmlns:p14="http://schemas.microsoft.com/office/powerpoint/2010/main" \
        xmlns:c="\(ns.c)" xmlns:dgm="\(ns.dgm)" \
        xmlns:cx="http://schemas.microsoft.com/office/drawing/2014/chartex"
        """
    }

    static let header = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
    static let relsNS = "http://schemas.openxmlformats.org/package/2006/relationships"

    func bytes() -> [UInt8] {
        var entries: [(name: String, bytes: [UInt8])] = []
        func add(_ name: String, _ text: String) { entries.append((name, Array(text.utf8))) }
        if !omitContentTypes {
            add("[Content_Types].xml", Self.header + """
                <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
                <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
                <Default Extension="xml" ContentType="application/xml"/>\
                <Default Extension="png" ContentType="image/png"/>\
                <Override PartName="/ppt/presentation.xml" ContentType="application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"/>\
                </Types>
                """)
        }
        if !omitPresentation {
            add("_rels/.rels", Self.header + """
                <Relationships xmlns="\(Self.relsNS)"><Relationship Id="rId1" Type="\(ns.relBase)/officeDocument" Target="ppt/presentation.xml"/></Relationships>
                """)
        }
        var presentationRels = ""
        var slideIDs = ""
        for (index, slide) in slides.enumerated() {
            let file = slide.fileName ?? "slide\(index + 1).xml"
            presentationRels += #"<Relationship Id="rIdS\#(index + 1)" Type="\#(ns.relBase)/slide" Target="slides/\#(file)"/>"#
            slideIDs += #"<p:sldId id="\#(256 + index)" r:id="rIdS\#(index + 1)"/>"#
            add("ppt/slides/\(file)", Self.header + """
                <p:sld \(declarations)><p:cSld><p:spTree>\
                <p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr/>\
                \(slide.shapes)</p:spTree></p:cSld></p:sld>
                """)
            var rels = slide.relationships.map { rel in
                #"<Relationship Id="\#(rel.id)" Type="\#(rel.type.contains("://") ? rel.type : ns.relBase + "/" + rel.type)" Target="\#(rel.target)"\#(rel.target.hasPrefix("http") ? #" TargetMode="External""# : "")/>"#
            }.joined()
            if let notes = slide.notes {
                rels += #"<Relationship Id="rIdNotes" Type="\#(ns.relBase)/notesSlide" Target="../notesSlides/notesSlide\#(index + 1).xml"/>"#
                add("ppt/notesSlides/notesSlide\(index + 1).xml", Self.header + """
                    <p:notes \(declarations)><p:cSld><p:spTree>\
                    <p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr/>\
                    <p:sp><p:nvSpPr><p:cNvPr id="2" name="Slide Number"/><p:cNvSpPr/><p:nvPr><p:ph type="sldNum"/></p:nvPr></p:nvSpPr><p:spPr/><p:txBody><a:bodyPr/><a:p><a:r><a:t>7</a:t></a:r></a:p></p:txBody></p:sp>\
                    <p:sp><p:nvSpPr><p:cNvPr id="3" name="Notes"/><p:cNvSpPr/><p:nvPr><p:ph type="body" idx="1"/></p:nvPr></p:nvSpPr><p:spPr/><p:txBody><a:bodyPr/><a:p><a:r><a:t>\(notes)</a:t></a:r></a:p></p:txBody></p:sp>\
                    </p:spTree></p:cSld></p:notes>
                    """)
            }
            add("ppt/slides/_rels/\(file).rels", Self.header + #"<Relationships xmlns="\#(Self.relsNS)">\#(rels)</Relationships>"#)
        }
        add("ppt/_rels/presentation.xml.rels", Self.header + #"<Relationships xmlns="\#(Self.relsNS)">\#(presentationRels)</Relationships>"#)
        add("ppt/presentation.xml", Self.header + """
            <p:presentation \(declarations)><p:sldIdLst>\(slideIDs)</p:sldIdLst><p:sldSz cx="12192000" cy="6858000"/><p:notesSz cx="6858000" cy="9144000"/></p:presentation>
            """)
        entries += parts
        return ZipFixture.archive(entries)
    }

    // MARK: - Shape snippets

    static func picture(id: Int, name: String, embed: String = "rIdImg", descr: String? = nil,
                        x: Int = 1_000_000, y: Int = 1_000_000, cx: Int = 3_000_000, cy: Int = 2_000_000,
                        extLst: String = "", nvPr: String = "<p:nvPr/>") -> String {
        let d = descr.map { #" descr="\#($0)""# } ?? ""
        return """
            <p:pic><p:nvPicPr><p:cNvPr id="\(id)" name="\(name)"\(d)>\(extLst)</p:cNvPr><p:cNvPicPr/>\(nvPr)</p:nvPicPr>\
            <p:blipFill><a:blip r:embed="\(embed)"/><a:stretch><a:fillRect/></a:stretch></p:blipFill>\
            <p:spPr><a:xfrm><a:off x="\(x)" y="\(y)"/><a:ext cx="\(cx)" cy="\(cy)"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr></p:pic>
            """
    }

    static func textBox(id: Int, name: String, text: String, placeholder: String? = nil,
                        x: Int = 0, y: Int = 0, cx: Int = 3_000_000, cy: Int = 400_000, language: String? = nil) -> String {
        let ph = placeholder.map { #"<p:nvPr><p:ph type="\#($0)"/></p:nvPr>"# } ?? "<p:nvPr/>"
        let lang = language.map { #"<a:rPr lang="\#($0)"/>"# } ?? ""
        return """
            <p:sp><p:nvSpPr><p:cNvPr id="\(id)" name="\(name)"/><p:cNvSpPr txBox="1"/>\(ph)</p:nvSpPr>\
            <p:spPr><a:xfrm><a:off x="\(x)" y="\(y)"/><a:ext cx="\(cx)" cy="\(cy)"/></a:xfrm></p:spPr>\
            <p:txBody><a:bodyPr/><a:p><a:r>\(lang)<a:t>\(text)</a:t></a:r></a:p></p:txBody></p:sp>
            """
    }

    static func graphicFrame(id: Int, name: String, uri: String, body: String) -> String {
        """
        <p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id="\(id)" name="\(name)"/><p:cNvGraphicFramePr/><p:nvPr/></p:nvGraphicFramePr>\
        <p:xfrm><a:off x="0" y="0"/><a:ext cx="4000000" cy="3000000"/></p:xfrm>\
        <a:graphic><a:graphicData uri="\(uri)">\(body)</a:graphicData></a:graphic></p:graphicFrame>
        """
    }

    static func group(id: Int, name: String, children: String) -> String {
        """
        <p:grpSp><p:nvGrpSpPr><p:cNvPr id="\(id)" name="\(name)"/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr>\
        <p:grpSpPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="5000000" cy="5000000"/><a:chOff x="0" y="0"/><a:chExt cx="5000000" cy="5000000"/></a:xfrm></p:grpSpPr>\
        \(children)</p:grpSp>
        """
    }

    static let decorativeExtension = """
        <a:extLst><a:ext uri="{C183D7F6-B498-43B3-948B-1728B52AA6E4}"><adec:decorative xmlns:adec="http://schemas.microsoft.com/office/drawing/2017/decorative" val="1"/></a:ext></a:extLst>
        """

    /// A tiny valid PNG (1x1), enough for digests.
    static let png: [UInt8] = [
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52,
        0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4,
        0x89, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0xF8, 0xCF, 0xC0, 0xF0,
        0x1F, 0x00, 0x05, 0x00, 0x01, 0xFF, 0x89, 0x99, 0x3D, 0x1D, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45,
        0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82,
    ]
}
