import AltbuildCore
import AltbuildSupport

/// Applies decisions to one deck's review file: load, change, save at once
/// (atomically), and say what changed. Shared by the decision subcommands.
enum ReviewDecisionRunner {
    /// Applies `decisions` (slot, decision) to the review file of `deck`.
    /// Nothing is written unless every decision applies.
    static func run(deck: String, options: ReviewOptions, _ change: (inout ReviewFile, String) throws -> [ReviewEntry]) throws {
        let path = try options.locate(deck: deck).review
        do {
            guard var file = try ReviewFile.load(path) else {
                throw AltbuildError(.reviewFileInvalid, "no review file for \(deck); build the deck first (altbuild build \(deck))", path: path)
            }
            let changed = try change(&file, path)
            try file.save(to: path)
            for entry in changed {
                Console.out("\(deck): \(entry.slot) \"\(entry.name)\" (\(entry.kind.rawValue)): \(entry.state.rawValue)"
                            + (entry.text.map { ": \($0)" } ?? ""))
            }
            if changed.isEmpty { Console.out("\(deck): nothing to change") }
        } catch let error as AltbuildError {
            Console.error("error: \(error)")
            throw ExitStatus.failures
        }
    }
}
