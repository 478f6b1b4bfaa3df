import ArgumentParser
import AltbuildCore
import AltbuildSupport
import OOXML

/// `altbuild inspect DECK`: list every ALT-text slot and what it holds now.
/// Read-only: it never writes anything.
struct InspectCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "List every slot of a deck that needs ALT text, slide by slide.")

    @Argument(help: "The deck to inspect (.pptx, .pptm, .ppsx, .potx).")
    var deck: String

    @Flag(help: "Print JSON instead of text.")
    var json = false

    func run() async throws {
        do {
            let opened = try Deck(path: deck)
            let inventory = try opened.inventory()
            Console.out(json ? try InventoryJSON.render(opened, inventory) : InventoryText.render(opened, inventory))
        } catch let error as AltbuildError {
            Console.error("error: \(error.at(deck))")
            throw ExitStatus.failures
        }
    }
}
