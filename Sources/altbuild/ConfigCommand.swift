import ArgumentParser
import ProjectSettings

/// `altbuild config`: the settings a build here would use, and where each
/// comes from: a flag, `altbuild.toml` (with its line) or the default.
struct ConfigCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Print the effective settings and where each comes from (default, altbuild.toml, or a flag).")

    @OptionGroup var project: ProjectOptions
    @OptionGroup var build: BuildFlags

    func run() async throws {
        let context = try ProjectContext.load()
        let settings = try project.settings(extra: try build.values())
        if let root = context.root {
            Console.out("# \(root)/\(ConfigFile.name) (the project root is \(root))")
        } else {
            Console.out("# no \(ConfigFile.name) here or above: defaults and flags only (altbuild init writes one)")
        }
        Console.out(SettingsText.effective(settings))
    }
}
