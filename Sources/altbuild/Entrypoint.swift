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
            CleanCommand.self, GCCommand.self, CacheCommand.self, InspectCommand.self, WorkerCommand.self,
        ],
        defaultSubcommand: BuildCommand.self)
}
