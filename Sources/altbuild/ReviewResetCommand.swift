import ArgumentParser
import AltbuildCore

/// `altbuild review reset DECK SLOT`: undo a decision.
struct ReviewResetCommand: SingleSlotDecision {
    static let configuration = CommandConfiguration(
        commandName: "reset", abstract: "Undo a person's decision on a slot: back to altbuild's generated text (or none).")
    static let decision = ReviewDecision.reset

    @Argument(help: "The deck.") var deck: String
    @Argument(help: "The slot identity (slide3:7).") var slot: String
    @OptionGroup var options: ReviewOptions
}
