import ArgumentParser
import AltbuildCore
import BuildEngine

/// `altbuild explain DECK`: the precise reason a deck would (or would not) be
/// rebuilt, as `ninja -d explain` gives it.
struct ExplainCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Say precisely why a deck would be rebuilt, or that it is up to date.")

    @OptionGroup var project: ProjectOptions

    func validate() throws {
        if project.paths.isEmpty { throw ValidationError("Name the deck to explain.") }
    }

    func run() async throws {
        let project = try self.project.project()
        let inputs = try self.project.inputs(project)
        let state = project.readState()
        let executor = project.executor(state: state, buildID: "explain")
        for input in inputs {
            let plan = executor.plan(input)
            var line = "\(input.path): \(plan.decision.reason.text)"
            if case .build = plan.decision, let key = plan.key, !project.options.force,
               project.actionCache.lookup("targets", key) != nil {
                line += " (the result for the new key is in the cache: it would be restored, not rebuilt)"
            }
            if let record = state.record(for: input.path), plan.decision == .upToDate {
                line += " (built \(record.buildID), output sha256 \(record.outputDigest.map { String($0.hex.prefix(12)) } ?? "none")…)"
            }
            Console.out(line)
        }
    }
}
