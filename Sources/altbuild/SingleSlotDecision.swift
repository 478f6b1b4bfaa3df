import ArgumentParser
import AltbuildCore

/// A review subcommand that applies one decision to one slot of one deck
/// (`decorative`, `reset`): its arguments and its run, written once.
protocol SingleSlotDecision: ParsableCommand {
    var deck: String { get }
    var slot: String { get }
    var options: ReviewOptions { get }
    static var decision: ReviewDecision { get }
}

extension SingleSlotDecision {
    func run() throws {
        try ReviewDecisionRunner.run(deck: deck, options: options) { file, path in
            [try file.apply(Self.decision, to: slot, path: path)]
        }
    }
}
