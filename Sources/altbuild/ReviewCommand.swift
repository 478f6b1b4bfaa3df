import ArgumentParser

/// `altbuild review …`: the person's side of the loop. Every subcommand
/// reads or writes review files only; none touches a deck or calls a
/// describer. The next build carries the decisions into the decks.
struct ReviewCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "List slots with their review state, and approve, set, mark decorative or reset them.",
        subcommands: [
            ReviewListCommand.self, ReviewApproveCommand.self, ReviewSetCommand.self,
            ReviewDecorativeCommand.self, ReviewResetCommand.self, ReviewServeCommand.self,
        ])
}
