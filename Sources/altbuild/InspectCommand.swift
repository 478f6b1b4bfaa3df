import ArgumentParser
import AltbuildCore
import AltbuildSupport
import DeckModel

/// `altbuild inspect DECK`: list every ALT-text slot and what it holds now.
/// Read-only; the deck is parsed by a worker like in a build, so a hostile
/// deck cannot crash it.
struct InspectCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "List every slot of a deck that needs ALT text, slide by slide.")

    @Argument(help: "The deck to inspect (.pptx, .pptm, .ppsx, .potx).")
    var deck: String

    @Flag(help: "Print JSON instead of text.")
    var json = false

    @OptionGroup var review: ReviewOptions

    func run() async throws {
        let (path, reviewPath) = try review.locate(deck: deck)
        do {
            let digest = try SHA256.hash(contentsOf: path, limit: ReadLimits.default.maxDeckBytes)
            let worker = WorkerDeckProcessor(executable: WorkerDeckProcessor.workerExecutable(), temporaryDirectory: "/tmp",
                                             extractMedia: false)
            let inventory = try await worker.inventory(of: path, digest: digest)
            let reviewFile = try ReviewFile.load(reviewPath)
            Console.out(json ? try InventoryJSON.render(path: deck, digest: digest, inventory, review: reviewFile)
                             : InventoryText.render(path: deck, digest: digest, inventory, review: reviewFile, reviewPath: reviewPath))
        } catch let error as AltbuildError {
            Console.error("error: \(error.at(deck))")
            throw ExitStatus.failures
        }
    }
}
