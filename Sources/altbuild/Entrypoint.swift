import ArgumentParser
import ProjectSettings

/// The `altbuild` command: a make-like build tool that gives PowerPoint decks
/// accessible ALT text. Subcommands live one per file.
@main
struct Altbuild: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "altbuild",
        abstract: "Give every picture, chart, table and diagram in your PowerPoint decks ALT text, incrementally.",
        version: AltbuildVersionText.value,
        subcommands: [
            BuildCommand.self, WatchCommand.self, StatusCommand.self, ExplainCommand.self, GraphCommand.self,
            CleanCommand.self, GCCommand.self, CacheCommand.self, InspectCommand.self,
            CheckCommand.self, ReviewCommand.self, ConfigCommand.self, InitCommand.self,
        ],
        defaultSubcommand: BuildCommand.self)

    /// `altbuild build ...` is parsed by its own command alone: parsing
    /// through the whole tree builds every subcommand's argument set first,
    /// which costs a no-op build ~2 ms. Help and every other command go
    /// through the tree as usual. Errors leave through `exit(with:)`, the
    /// one place that maps them to exit statuses.
    static func main() async {
        let arguments = Array(CommandLine.arguments.dropFirst())
        let wantsHelp = arguments.contains { $0 == "-h" || $0 == "--help" || $0 == "--help-hidden" || $0 == "--version" }
        do {
            // A usage error of `build` is parsed again through the tree, so its message names `altbuild build`.
            let command: any ParsableCommand
            if !wantsHelp, arguments.first == "build", let parsed = try? BuildCommand.parseAsRoot(Array(arguments.dropFirst())) {
                command = parsed
            } else {
                command = try parseAsRoot(arguments)
            }
            if var asynchronous = command as? any AsyncParsableCommand {
                try await asynchronous.run()
            } else {
                var synchronous = command
                try synchronous.run()
            }
        } catch {
            exit(with: error)
        }
    }

    /// Exit statuses, from `ExitStatus`: a bad setting in `altbuild.toml` or a
    /// flag, and a usage error, are 2 with the message; help and
    /// `--version` are 0; everything else keeps its own status.
    static func exit(with error: any Error) -> Never {
        if let config = error as? ConfigError {
            Console.error("error: \(config)")
            Altbuild.exit(withError: ExitStatus.usage)
        }
        if exitCode(for: error) == .validationFailure {
            Console.error(fullMessage(for: error))
            Altbuild.exit(withError: ExitStatus.usage)
        }
        Altbuild.exit(withError: error)
    }
}
