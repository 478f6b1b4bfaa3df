import ArgumentParser
import AltbuildSupport
import ProjectSettings

/// `altbuild init`: makes the current folder an altbuild project. It writes
/// a commented `altbuild.toml` with every key at its default, keeps
/// `.altbuild/` out of git, and says what to wire up next.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a commented altbuild.toml here, add .altbuild/ to .gitignore in a git work tree, and print the next steps.")

    @Flag(help: "Replace an existing altbuild.toml.")
    var force = false

    func run() throws {
        if FileIO.exists(ConfigFile.name) && !force {
            Console.error("error: \(ConfigFile.name) already exists here; altbuild config shows what it sets (--force replaces it)")
            throw ExitStatus.failures
        }
        do {
            try FileIO.writeAtomically(Array(SettingsText.initialFile().utf8), to: ConfigFile.name)
            Console.out("wrote \(ConfigFile.name)")
            if GitIgnore.isInsideWorkTree() {
                Console.out(try GitIgnore.add(".altbuild/", to: ".gitignore") ? "added .altbuild/ to .gitignore" : ".gitignore already ignores .altbuild/")
            }
        } catch let error as AltbuildError {
            Console.error("error: \(error)")
            throw ExitStatus.environment
        }
        Console.out(Self.nextSteps)
    }

    static let nextSteps = """

        Next steps:
          altbuild build        # describe every deck; review files go to alt-text/ (commit them)
          altbuild check        # exit 1 until a person has reviewed every slot
          altbuild review serve # review in a browser, then build again

        pre-commit (.pre-commit-config.yaml), with altbuild on PATH:
          repos:
            - repo: https://github.com/altbuild/altbuild
              rev: v0.1.0
              hooks:
                - id: altbuild-fix      # in-place build of the staged decks
                - id: altbuild-check    # fail while slots need a person

        CI (any runner; examples/ci/ has GitHub Actions and GitLab CI):
          altbuild build --report altbuild-report.json --junit altbuild-junit.xml
          altbuild check --junit altbuild-check.xml
          # cache .altbuild/cache between runs, keyed on altbuild.toml
        """
}
