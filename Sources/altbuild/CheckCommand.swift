public import ArgumentParser
import ProjectSettings
import AltbuildCore

/// `altbuild check [PATHS]`: the gate for CI and pre-commit. It reads the
/// state log and the review files only: it writes nothing, calls no
/// describer, and opens no deck, so it is as fast as `status`.
struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Exit 0 when every slot is human, approved, edited or decorative; else list each problem and exit 1.")

    @OptionGroup var project: ProjectOptions

    @Option(name: .customLong("allow"), help: ArgumentHelp(Settings.help("review.allow") + "; repeatable"))
    var allowed: [ReviewState] = []

    @Flag(help: "Print the problems as a JSON array of {deck, slot, slide, name, kind, state, text, reason, stale}.")
    var json = false

    func run() async throws {
        var flags = FlagValues()
        try flags.add("review.allow", allowed.map(\.rawValue))
        let accepted = Set(ReviewState.allCases.filter(\.isSettled))
            .union(try project.settings(extra: flags).strings("review.allow").compactMap(ReviewState.init))
        // Without --json no text is printed, so none is decoded (and settled files are not decoded at all).
        let (problems, deckProblems) = json
            ? try collect(accepted, ReviewFile.load) { deck, file in file.slots.map { ReviewListItem(deck: deck, $0) } }
            : try collect(accepted, { try ReviewGate.problems($0, accepted: accepted) }) { deck, file in
                file.slots.map { ReviewListItem(deck: deck, $0) }
            }
        if json {
            Console.out(try ReviewListItem.json(problems))
        } else {
            for line in deckProblems + problems.map(\.line) { Console.out(line) }
        }
        for line in json ? deckProblems : [] { Console.error(line) }
        if !problems.isEmpty || !deckProblems.isEmpty { throw ExitStatus.failures }
    }

    /// The slots that fail the gate, and the decks whose review file cannot
    /// speak for them (unreadable, missing, or the deck changed since).
    private func collect<File>(_ accepted: Set<ReviewState>, _ load: (String) throws -> File?,
                               items: (String, File) -> [ReviewListItem]) throws -> ([ReviewListItem], [String]) {
        var problems: [ReviewListItem] = []
        var deckProblems: [String] = []
        for review in try ReviewSurvey.survey(project, load: load) {
            if let error = review.error {
                deckProblems.append("\(review.deck): \(error.code): \(error.message) (\(review.reviewPath))")
            } else if let staleness = review.staleness {
                deckProblems.append("\(review.deck): not built as it is now (\(staleness)); run altbuild build")
            } else if let file = review.file {
                for item in items(review.deck, file) {
                    if item.stale {
                        Console.error("note: \(review.deck): review entry \(item.slot) \"\(item.name)\" is stale: its slot is gone")
                    } else if !accepted.contains(item.state) {
                        problems.append(item)
                    }
                }
            } else {
                deckProblems.append("\(review.deck): no review file (\(review.reviewPath)); run altbuild build")
            }
        }
        return (problems, deckProblems)
    }

}

extension ReviewState: ExpressibleByArgument {}
