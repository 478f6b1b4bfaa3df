import AltbuildSupport
/// PowerPoint's "Mark as decorative" flag, stored on `cNvPr` as
/// `a:extLst/a:ext[@uri="{C183D7F6-...}"]/adec:decorative[@val="1"]`.
enum DecorativeFlag {
    static func isSet(on cNvPr: XMLElement) -> Bool {
        guard let flag = flagElement(in: cNvPr) else { return false }
        let value = flag.attribute("val")
        return value == "1" || value == "true"
    }

    /// Sets the flag, reusing an existing `a:extLst` and an existing extension
    /// element: a second `a:extLst` would make the part invalid.
    static func set(on cNvPr: XMLElement) {
        if let flag = flagElement(in: cNvPr) {
            flag.setAttribute("val", "1")
            return
        }
        let drawing = cNvPr.namespaceURI.map { uri in
            // Strict decks get the Strict DrawingML namespace for a:extLst.
            uri.hasPrefix("http://purl.oclc.org") ? Namespace.drawing.uris[1] : Namespace.drawing.preferred
        } ?? Namespace.drawing.preferred
        guard let extLst = cNvPr.child(.drawing, "extLst") ?? cNvPr.appendChild("extLst", namespaceURI: drawing, prefix: "a") else { return }
        let ext = extLst.children(.drawing, "ext").first { $0.attribute("uri") == decorativeExtensionURI }
            ?? extLst.appendChild("ext", namespaceURI: drawing, prefix: "a")
        ext?.setAttribute("uri", decorativeExtensionURI)
        let flag = ext?.appendChild("decorative", namespaceURI: Namespace.decorative.preferred, prefix: "adec")
        flag?.setAttribute("val", "1")
    }

    private static func flagElement(in cNvPr: XMLElement) -> XMLElement? {
        guard let extLst = cNvPr.child(.drawing, "extLst") else { return nil }
        for ext in extLst.children(.drawing, "ext") where ext.attribute("uri") == decorativeExtensionURI {
            if let flag = ext.child(.decorative, "decorative") { return flag }
        }
        return nil
    }
}
