import ArgumentParser
import AltbuildCore

/// `altbuild review set DECK SLOT TEXT`: a person's own text for a slot.
struct ReviewSetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set", abstract: "Write a slot's ALT text yourself (state edited: never regenerated).")

    @Argument(help: "The deck.") var deck: String
    @Argument(help: "The slot identity (slide3:7).") var slot: String
    @Argument(help: "The ALT text.") var text: String
    @OptionGroup var options: ReviewOptions

    func run() throws {
        try ReviewDecisionRunner.run(deck: deck, options: options) { file, path in
            [try file.apply(.set(text), to: slot, path: path)]
        }
    }
}
