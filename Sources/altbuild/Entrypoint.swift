import ArgumentParser

/// The `altbuild` command: a make-like build tool that gives PowerPoint decks
/// accessible ALT text. Subcommands live one per file.
@main
struct Altbuild: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "altbuild",
        abstract: "Give every picture, chart, table and diagram in your PowerPoint decks ALT text, incrementally.",
        version: AltbuildVersionText.value,
        subcommands: [
            BuildCommand.self, StatusCommand.self, ExplainCommand.self, GraphCommand.self,
            CleanCommand.self, GCCommand.self, CacheCommand.self, InspectCommand.self,
            CheckCommand.self, ReviewCommand.self,
        ],
        defaultSubcommand: BuildCommand.self)

    /// `altbuild build ...` is parsed by its own command alone: parsing through the whole tree builds every subcommand's
    /// argument set first, which costs a no-op build ~2 ms. Help and every
    /// other command go through the tree as usual.
    static func main() async {
        let arguments = Array(CommandLine.arguments.dropFirst())
        let wantsHelp = arguments.contains { $0 == "-h" || $0 == "--help" || $0 == "--help-hidden" || $0 == "--version" }
        if !wantsHelp, arguments.first == "build" {
            // A usage error is parsed again through the tree, so its message names `altbuild build`.
            guard let parsed = try? BuildCommand.parseAsRoot(Array(arguments.dropFirst())) else {
                await Altbuild.main(arguments)
                return
            }
            do {
                if var command = parsed as? any AsyncParsableCommand {
                    try await command.run()
                } else {
                    var command = parsed
                    try command.run()
                }
            } catch {
                Altbuild.exit(withError: error)
            }
            return
        }
        await Altbuild.main(arguments)
    }
}
