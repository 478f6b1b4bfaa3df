import AltbuildSupport
/// Reads the node texts of a SmartArt data model (`dgm:dataModel`), in order.
enum DiagramReader {
    static func read(_ document: XMLDocument) -> [String] {
        guard let points = document.root?.child(.diagram, "ptLst") else { return [] }
        var texts: [String] = []
        for point in points.children(.diagram, "pt") {
            // Only content nodes carry the user's words; the rest are layout points.
            let type = point.attribute("type") ?? "node"
            guard type == "node", let body = point.child(.diagram, "t") else { continue }
            let text = paragraphsText(body).split(separator: "\n").joined(separator: " ")
            if !text.isEmpty { texts.append(text) }
        }
        return texts
    }
}
