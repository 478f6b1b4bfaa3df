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
    @OptionGroup var reports: ReportOptions
    @OptionGroup var shard: ShardOption

    @Option(name: .customLong("allow"), help: ArgumentHelp(Settings.help("review.allow") + "; repeatable"))
    var allowed: [ReviewState] = []

    @Flag(help: "Print the problems as a JSON array of {deck, slot, slide, name, kind, state, text, reason, stale}.")
    var json = false

    func run() async throws {
        var flags = FlagValues()
        try flags.add("review.allow", allowed.map(\.rawValue))
        let accepted = Set(ReviewState.allCases.filter(\.isSettled))
            .union(try project.settings(extra: flags).strings("review.allow").compactMap(ReviewState.init))
        // Without --json or --report no text is shown, so none is decoded (and settled files are not decoded at all).
        let decks = json || reports.report != nil
            ? try collect(accepted, ReviewFile.load) { deck, file in file.slots.map { ReviewListItem(deck: deck, $0) } }
            : try collect(accepted, { try ReviewGate.problems($0, accepted: accepted) }) { deck, file in
                file.slots.map { ReviewListItem(deck: deck, $0) }
            }
        let (problems, deckProblems) = (decks.flatMap(\.problems), decks.compactMap(\.line))
        if json {
            Console.out(try ReviewListItem.json(problems))
        } else {
            for line in deckProblems + problems.map(\.line) { Console.out(line) }
        }
        for line in json ? deckProblems : [] { Console.error(line) }
        let reported = reports.write(check: decks, stdoutIsJSON: json)
        if !problems.isEmpty || !deckProblems.isEmpty { throw ExitStatus.failures }
        if !reported { throw ExitStatus.environment }
    }

    /// The slots that fail the gate, and the decks whose review file cannot
    /// speak for them (unreadable, missing, or the deck changed since).
    private func collect<File>(_ accepted: Set<ReviewState>, _ load: (String) throws -> File?,
                               items: (String, File) -> [ReviewListItem]) throws -> [CheckedDeck] {
        var decks: [CheckedDeck] = []
        for review in try ReviewSurvey.survey(project, shard: shard, load: load) {
            var deck = CheckedDeck(path: review.deck, reviewPath: review.reviewPath)
            if let error = review.error {
                deck.problem = "\(error.code): \(error.message) (\(review.reviewPath))"
            } else if let staleness = review.staleness {
                deck.problem = "not built as it is now (\(staleness)); run altbuild build"
            } else if let file = review.file {
                for item in items(review.deck, file) {
                    if item.stale {
                        Console.error("note: \(review.deck): review entry \(item.slot) \"\(item.name)\" is stale: its slot is gone")
                    } else if !accepted.contains(item.state) {
                        deck.problems.append(item)
                    }
                }
            } else {
                deck.problem = "no review file (\(review.reviewPath)); run altbuild build"
            }
            decks.append(deck)
        }
        return decks
    }

}

extension ReviewState: ExpressibleByArgument {}
