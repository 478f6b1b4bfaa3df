import AltbuildSupport
/// What kind of SmartArt a diagram is, from what PowerPoint writes about its
/// layout. The data model's document point names the layout and the gallery
/// category it was picked from (`dgm:prSet loTypeId="urn:…/layout/orgChart1"
/// loCatId="hierarchy"`); the layout part (`dgm:relIds r:lo`) repeats the id
/// as `dgm:layoutDef uniqueId` and lists its categories in `dgm:catLst`.
/// Decks from other writers may have only the id, so the category is also
/// inferred from the id's last component, which for Office's built-in layouts
/// names the kind (`hierarchy1`, `orgChart1`, `process1`, `cycle2`, `vList2`).
enum DiagramLayout {
    /// The layout's unique id: the layout part's, else the data model's.
    static func layoutID(documentPoint: XMLElement?, layout: XMLDocument?) -> String? {
        let fromLayout = layout?.root?.attribute("uniqueId")
        let fromData = documentPoint?.child(.diagram, "prSet")?.attribute("loTypeId")
        return [fromLayout, fromData].compactMap { $0?.trimmingWhitespace() }.first { !$0.isEmpty }
    }

    /// The gallery category: the data model's choice, else the layout part's
    /// first-ranked category (lowest `pri`), else one inferred from the id.
    static func category(documentPoint: XMLElement?, layout: XMLDocument?, layoutID: String?) -> String? {
        if let chosen = documentPoint?.child(.diagram, "prSet")?.attribute("loCatId")?.trimmingWhitespace(), !chosen.isEmpty {
            return chosen
        }
        let listed = layout?.root?.child(.diagram, "catLst")?.children(.diagram, "cat")
            .compactMap { cat -> (Int, String)? in
                guard let type = cat.attribute("type"), !type.isEmpty else { return nil }
                return (cat.attribute("pri").flatMap { Int($0) } ?? Int.max, type)
            }
            .min { $0.0 < $1.0 }?.1
        return listed ?? layoutID.flatMap(inferredCategory)
    }

    /// `urn:…/layout/orgChart1` → `hierarchy`; nil when the name says nothing.
    static func inferredCategory(_ layoutID: String) -> String? {
        let name = (layoutID.split(separator: "/").last.map(String.init) ?? layoutID).lowercased()
        let rules: [(String, [String])] = [
            ("hierarchy", ["orgchart", "hierarchy", "hier"]),
            ("cycle", ["cycle"]),
            ("process", ["process", "chevron"]),
            ("list", ["list", "default"]),
            ("pyramid", ["pyramid"]),
            ("matrix", ["matrix"]),
            ("relationship", ["venn", "radial", "balance", "funnel"]),
        ]
        return rules.first { $0.1.contains(where: name.contains) }?.0
    }
}
