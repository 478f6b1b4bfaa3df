/// What an embedded (OLE) object is, in words. Its program id
/// (`MSGraph.Chart.8`, `Excel.Sheet.12`) names the program that made it and
/// means nothing read aloud, so it never appears in a description: known
/// programs are named, anything else is an "object".
enum OLEObjectName {
    /// Program id prefixes, compared case-insensitively, most specific first.
    static let known: [(prefix: String, name: String)] = [
        ("msgraph.chart", "chart"),
        ("excel.chart", "Excel chart"),
        ("excel.", "Excel worksheet"),
        ("word.", "Word document"),
        ("powerpoint.slide", "PowerPoint slide"),
        ("powerpoint.", "PowerPoint presentation"),
        ("visio.", "Visio drawing"),
        ("equation.", "equation"),
        ("package", "file"),
        ("acroexch.", "PDF document"),
        ("paint.", "Paint picture"),
        ("pbrush", "Paint picture"),
    ]

    /// "chart" for `MSGraph.Chart.8`, "object" for nil or an unknown id.
    static func name(_ progID: String?) -> String {
        guard let id = progID?.lowercased() else { return "object" }
        return known.first { id.hasPrefix($0.prefix) }?.name ?? "object"
    }
}
