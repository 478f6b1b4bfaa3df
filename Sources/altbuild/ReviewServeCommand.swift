import ArgumentParser
import AltbuildCore
import AltbuildSupport
import ProjectSettings
#if canImport(Glibc)
import Glibc
#endif

/// `altbuild review serve`: finds the decks as `status` does and replaces
/// itself (execv) with `altbuild-review`, the page's web server. The server
/// is a separate executable because its HTTP library links full Foundation,
/// which `altbuild` must not load: its start-up time is a no-op build's.
struct ReviewServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Review the decks' ALT text in a browser: a page on 127.0.0.1 to approve, edit, mark decorative or reset each slot.")

    @OptionGroup var project: ProjectOptions

    @Option(help: ArgumentHelp(Settings.help("review.port")))
    var port: String?

    func run() async throws {
        var flags = FlagValues()
        try flags.add("review.port", port)
        let settings = try self.project.settings(extra: flags)
        let project = try ProjectFactory.project(settings)
        let inputs = try self.project.inputs(project, settings: settings)
        let port = settings.int("review.port")
        var decks: [String] = []
        for input in inputs {
            let review = project.reviewPath(input)
            // A deck without a review file has nothing to review yet; the others still do.
            guard FileIO.exists(review) else {
                Console.error("warning: \(input.path): not built yet: run altbuild build (no \(review))")
                continue
            }
            decks += ["--deck", input.path + "=" + review]
        }
        guard !decks.isEmpty else {
            Console.error("error: no deck has a review file yet: run altbuild build first")
            throw ExitStatus.failures
        }
        let server = Self.serverExecutable()
        let arguments = [server, "--port", String(port), "--worker", WorkerDeckProcessor.workerExecutable()] + decks
        try Self.exec(server, arguments)
    }

    /// `altbuild-review`, installed next to `altbuild` (or `$ALTBUILD_REVIEW`).
    static func serverExecutable() -> String {
        SiblingExecutable.path("altbuild-review", override: "ALTBUILD_REVIEW")
    }

    /// Replaces this process with `executable`; returns only by throwing.
    private static func exec(_ executable: String, _ arguments: [String]) throws {
        fflush(nil)  // all streams: nothing printed so far may be lost with the process image
        var argv = arguments.map { strdup($0) } + [nil]
        execv(executable, &argv)
        let reason = FileIO.errnoText()
        for pointer in argv { free(pointer) }
        Console.error("error: cannot run \(executable): \(reason)")
        throw ExitStatus.environment
    }
}
