import ArgumentParser
import AltbuildCore

/// `altbuild review list [PATHS] [--json]`: every slot with its review state.
struct ReviewListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List every slot of the decks with its review state, text and reason.")

    @OptionGroup var project: ProjectOptions

    @Flag(help: "Print a JSON array of {deck, slot, slide, name, kind, state, text, reason, stale}.")
    var json = false

    func run() async throws {
        var items: [ReviewListItem] = []
        var failed = false
        for review in try ReviewSurvey.survey(project, load: ReviewFile.load) {
            if let error = review.error {
                Console.error("error: \(error)")
                failed = true
                continue
            }
            guard let file = review.file else {
                Console.error("\(review.deck): not built yet, so it has no review file (\(review.reviewPath)); run altbuild build")
                continue
            }
            if let staleness = review.staleness {
                Console.error("\(review.deck): changed since its review file was written (\(staleness)); run altbuild build")
            }
            let deckItems = file.slots.map { ReviewListItem(deck: review.deck, $0) }
            items += deckItems
            if !json { print(review.deck, deckItems) }
        }
        if json { Console.out(try ReviewListItem.json(items)) }
        if failed { throw ExitStatus.failures }
    }

    private func print(_ deck: String, _ items: [ReviewListItem]) {
        Console.out("\(deck):")
        for item in items {
            var line = "  slide \(item.slide)  \(item.slot)  \(item.kind.rawValue) \"\(item.name)\"  [\(item.state.rawValue)]"
            if item.stale { line += " (stale: its slot is gone)" }
            if let text = item.text, !text.isEmpty { line += "  \"\(text)\"" }
            if let reason = item.reason { line += "  (\(reason))" }
            Console.out(line)
        }
    }
}
