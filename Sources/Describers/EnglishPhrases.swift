import DeckModel

/// The default wording, and the one every golden test before issue 12's
/// item 6 was written against: changing a phrase here changes those texts.
struct EnglishPhrases: Phrasebook {
    let code = "en"
    let openQuote = "“"
    let closeQuote = "”"
    let decimalMark = "."
    let groupMark = ","

    func lastJoin(_ item: String) -> String { " and " + item }
    func more(_ count: Int) -> String { " and \(count) more" }

    func count(_ count: Int, _ noun: Noun) -> String {
        let (one, many): (String, String) = switch noun {
        case .row: ("row", "rows")
        case .column: ("column", "columns")
        case .series: ("series", "series")
        case .step: ("step", "steps")
        case .item: ("item", "items")
        case .point: ("point", "points")
        case .slice: ("slice", "slices")
        case .member: ("member", "members")
        }
        return "\(count) " + (count == 1 ? one : many)
    }

    func chartType(_ types: [String]) -> String? { list(types) + " chart" }
    let chart = "chart"
    func of(_ subject: String) -> String { " of " + subject }
    func by(_ category: String) -> String { " by " + category }
    func comparing(_ series: Int) -> String { " comparing " + count(series, .series) }
    func steps(_ count: Int, from: String, to: String) -> String { " with \(count) steps from \(from) to \(to)" }
    func range(from: String, to: String) -> String { " from \(from) to \(to)" }
    func across(_ categories: Int) -> String { " across \(categories) categories" }
    func values(low: String, high: String) -> String { "Values range from \(low) to \(high)" }

    func trend(_ who: String?, _ direction: Trend, overall: Bool, from: String, to: String) -> String {
        let who = who.map { $0 + " " } ?? ""
        switch direction {
        case .level: return "\(who)stays about level at \(to)"
        case .rises: return "\(who)rises\(overall ? " overall" : "") from \(from) to \(to)"
        case .falls: return "\(who)falls\(overall ? " overall" : "") from \(from) to \(to)"
        }
    }

    let firstSeries = "the first series"
    func points(_ count: Int) -> String { " with " + self.count(count, .point) }
    func axes(x: (String, String), y: (String, String)) -> String { ": x from \(x.0) to \(x.1), y from \(y.0) to \(y.1)" }
    func slices(_ count: Int) -> String { " with " + self.count(count, .slice) }
    func largest(_ name: String, _ value: String) -> String { ". The largest is \(name) at \(value)" }
    func smallest(_ name: String, _ value: String) -> String { " and the smallest \(name) at \(value)" }
    func title(_ quoted: String) -> String { " Title: \(quoted)." }
    func point(_ number: Int) -> String { "point \(number)" }

    let emptyTable = "Empty table."
    func table(rows: Int, columns: Int) -> String { "Table with \(count(rows, .row)) and \(count(columns, .column))" }
    let noHeaderRow = ", no header row"
    let columnsLabel = "; columns: "
    let firstRowLabel = "; first row: "

    func diagram(_ kind: String?) -> String {
        switch kind {
        case "hierarchy": "Hierarchy diagram"
        case "process": "Process diagram"
        case "cycle": "Cycle diagram"
        case "list": "List diagram"
        default: "Diagram"
        }
    }

    func diagramSize(_ count: Int, steps: Bool, truncated: Bool) -> String {
        " with " + (truncated ? "more than " : "") + self.count(count, steps ? .step : .item)
    }

    func levels(_ count: Int) -> String { " in \(count) levels" }
    let top = ", top: "
    let underIt = "; under it: "
    let listStart = ": "
    func moreItems(_ count: Int) -> String { " (\(count) more \(count == 1 ? "item" : "items"))" }

    func noun(_ kind: SlotKind?) -> String {
        switch kind {
        case .picture: "picture"
        case .pictureFill: "shape filled with a picture"
        case .video: "video"
        case .audio: "audio clip"
        case .chart, .chartex: "chart"
        case .table: "table"
        case .diagram: "diagram"
        case .oleObject: "embedded object"
        case .model3D: "3D model"
        case .group: "group"
        case .graphic: "graphic"
        case nil: "text"
        }
    }

    let group = "Group"
    func withoutText(_ count: Int) -> String { " and \(self.count(count, .item)) without text" }
    func withText(screenshot: Bool) -> String { (screenshot ? "Screenshot" : "Image") + " with text: " }
    func captioned(_ noun: String, _ quoted: String) -> String { "\(noun) captioned \(quoted)" }
    func illustrating(_ quoted: String) -> String { " illustrating " + quoted }
    func onSlide(_ number: Int) -> String { " on slide \(number)" }

    func linkToSlide(_ number: Int) -> String { "Link: go to slide \(number)." }
    func link(_ target: String) -> String { "Link: \(target)." }

    func jump(_ jump: String) -> String? {
        let words = ["other": "go to another slide", "nextslide": "go to the next slide", "previousslide": "go to the previous slide",
                     "firstslide": "go to the first slide", "lastslide": "go to the last slide",
                     "lastslideviewed": "go to the last slide viewed", "endshow": "end the show"]
        return words[jump]
    }

    func action(_ action: String) -> String? {
        let words = ["other": "an action", "program": "run a program", "macro": "run a macro", "ole": "open an embedded object",
                     "media": "play media", "hlinkpres": "open another presentation", "customshow": "start a custom show"]
        return words[action]
    }
}
