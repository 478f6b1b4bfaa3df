import ArgumentParser
import AltbuildCore

/// `altbuild review decorative DECK SLOT`: screen readers should skip the slot.
struct ReviewDecorativeCommand: SingleSlotDecision {
    static let configuration = CommandConfiguration(
        commandName: "decorative", abstract: "Mark a slot decorative: the next build flags it so screen readers skip it.")
    static let decision = ReviewDecision.decorative

    @Argument(help: "The deck.") var deck: String
    @Argument(help: "The slot identity (slide3:7).") var slot: String
    @OptionGroup var options: ReviewOptions
}
