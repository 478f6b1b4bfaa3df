import ArgumentParser
import AltbuildCore

/// `altbuild review approve DECK [SLOT…] [--all]`: accept generated text as it is.
struct ReviewApproveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "approve", abstract: "Accept altbuild's generated text for slots of a deck (it is never regenerated after).")

    @Argument(help: "The deck.") var deck: String
    @Argument(help: "Slot identities, as `altbuild review list` shows them (slide3:7).") var slots: [String] = []
    @Flag(help: "Approve every slot whose state is generated.") var all = false
    @OptionGroup var options: ReviewOptions

    func validate() throws {
        if slots.isEmpty == !all { throw ValidationError("Name the slots to approve, or pass --all (not both).") }
    }

    func run() throws {
        try ReviewDecisionRunner.run(deck: deck, options: options) { file, path in
            if all {
                let approved = file.approveAll()
                return file.slots.filter { approved.contains($0.slot) }
            }
            return try slots.map { try file.apply(.approve, to: $0, path: path) }
        }
    }
}
