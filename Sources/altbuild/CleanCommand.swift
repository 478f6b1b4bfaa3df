import ArgumentParser
import AltbuildCore
import BuildEngine
#if canImport(Glibc)
import Glibc
#endif

/// `altbuild clean`: removes the outputs altbuild wrote. The cache keeps
/// their content, so the next build restores them without describing again.
struct CleanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clean",
        abstract: "Remove the accessible decks altbuild wrote (the cache keeps them).")

    @OptionGroup var project: ProjectOptions

    func run() async throws {
        let project = try self.project.project()
        if project.options.inPlace {
            Console.error("error: clean with --in-place would delete your decks; it only removes outputs of out-dir builds")
            throw ExitStatus.failures
        }
        let state = project.readState()
        var removed = 0
        for record in state.records.values.sorted(by: { $0.target < $1.target }) where record.outputPath != record.target {
            if unlink(record.outputPath) == 0 { removed += 1 }
        }
        Console.out("removed \(removed) output\(removed == 1 ? "" : "s")")
    }
}
