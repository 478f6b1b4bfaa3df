import ArgumentParser
import AltbuildCore
import AltbuildSupport
import BuildEngine
import Describers
import OOXML

/// `altbuild build [PATHS...]`: write an accessible copy of every deck found
/// under PATHS into the output folder, skipping decks that are up to date.
struct BuildCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Describe and fill in missing ALT text for every deck under PATHS.")

    @Argument(help: "Decks or folders to build (default: the current folder).")
    var paths: [String] = []

    @Option(name: .customLong("out-dir"), help: "Where accessible decks are written, mirroring the input folders.")
    var outDir = "build"

    @Flag(help: "Also replace PowerPoint's unreviewed \"Description automatically generated\" text.")
    var replaceAutomatic = false

    @Flag(help: "Replace all existing ALT text, even text a person wrote.")
    var overwrite = false

    @Option(name: .customLong("decorative-below"),
            help: "Mark pictures without ALT text that cover less than this percentage of the slide as decorative (0: never).")
    var decorativeBelow: Double = 0

    @Flag(help: "Rebuild every deck, even those that are up to date.")
    var force = false

    @Flag(name: [.customShort("n"), .customLong("dry-run")], help: "Print what would be built and why, and build nothing.")
    var dryRun = false

    @Flag(name: .shortAndLong, help: "Print only failures and the summary.")
    var quiet = false

    func validate() throws {
        if decorativeBelow < 0 || decorativeBelow > 100 {
            throw ValidationError("--decorative-below takes a percentage from 0 to 100.")
        }
    }

    func run() async throws {
        let configuration = BuildConfiguration(
            outputDirectory: outDir,
            policy: AltTextPolicy(replaceAutomatic: replaceAutomatic, overwrite: overwrite, decorativeBelowPercent: decorativeBelow))
        let discovery = InputDiscovery(
            extensions: DeckFormats.extensions, skippedPrefixes: DeckFormats.skippedPrefixes,
            excludedDirectories: [InputDiscovery.normalize(outDir), configuration.stateDirectory, "node_modules"])
        let inputs: [DiscoveredInput]
        do {
            inputs = try discovery.discover(paths.isEmpty ? ["."] : paths)
        } catch let error as AltbuildError {
            Console.error("error: \(error)")
            throw ExitStatus.failures
        }
        let stamp = ConfigStamp(path: "\(configuration.stateDirectory)/config-stamp")
        if dryRun {
            let time = force ? Int64.max : stamp.time(ifMatching: configuration.fingerprint) ?? Int64.max
            let builder = DeckTargetBuilder(configuration: configuration, configurationTime: time)
            for (input, stale) in BuildRunner().plan(inputs, builder: builder) where stale {
                Console.out("would build \(input.path) -> \(builder.outputPath(input))")
            }
            return
        }
        let configurationTime: Int64
        do {
            configurationTime = force ? Int64.max : try stamp.update(fingerprint: configuration.fingerprint)
        } catch let error as AltbuildError {
            Console.error("error: cannot record the configuration: \(error)")
            throw ExitStatus.environment
        }
        let builder = DeckTargetBuilder(configuration: configuration, configurationTime: configurationTime)
        let summary = await BuildRunner().run(inputs, builder: builder) { outcome, index, total in
            report(outcome, index: index, total: total)
        }
        Console.out(summary.line + (summary.built > 0 ? "; output in \(outDir)/" : ""))
        if summary.failed > 0 { throw ExitStatus.failures }
    }

    private func report(_ outcome: TargetOutcome, index: Int, total: Int) {
        let counter = "[\(index)/\(total)]"
        switch outcome.status {
        case .built:
            if !quiet { Console.out("\(counter) built \(outcome.input) -> \(outcome.output): \(outcome.detail)") }
        case .upToDate:
            break
        case .failed:
            let message = outcome.error.map { "\($0.code): \($0.message)" } ?? "failed"
            Console.error("\(counter) FAILED \(outcome.input): \(message)")
        }
    }
}
