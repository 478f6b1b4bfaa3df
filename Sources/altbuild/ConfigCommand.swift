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
    @OptionGroup var remote: RemoteFlags

    func run() async throws {
        let context = try ProjectContext.load()
        var flags = try build.values()
        try remote.add(to: &flags)
        let settings = try project.settings(extra: flags)
        if let root = context.root {
            Console.out("# \(root)/\(ConfigFile.name) (the project root is \(root))")
        } else {
            Console.out("# no \(ConfigFile.name) here or above: defaults and flags only (altbuild init writes one)")
        }
        Console.out(SettingsText.effective(settings))
    }
}
