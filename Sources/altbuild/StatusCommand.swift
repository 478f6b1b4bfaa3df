import ArgumentParser
import AltbuildCore
import BuildEngine

/// `altbuild status`: what a build would do, without doing it. Exits 1 if
/// anything would build, like `make -q`; never takes the build lock.
struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show each deck as up to date, stale (with the reason), failed or new; exit 1 if anything would build.")

    @OptionGroup var project: ProjectOptions
    @OptionGroup var shard: ShardOption

    @Flag(help: "Print JSON.")
    var json = false

    func run() async throws {
        let project = try self.project.project()
        let inputs = try shard.select(try self.project.inputs(project)).inputs
        let state = project.readState()
        let executor = project.executor(state: state, buildID: "status")
        var rows: [(status: String, target: String, output: String, reason: String)] = []
        for input in inputs {
            let plan = executor.plan(input)
            let record = state.record(for: input.path)
            let status: String
            switch plan.decision {
            case .upToDate: status = "up-to-date"
            case .skipFailed: status = "failed"
            case .restore, .build:
                if record == nil { status = "new" }
                else if record?.status == .failed && record?.key == plan.key { status = "failed" }
                else { status = "stale" }
            }
            rows.append((status, input.path, plan.outputPath, plan.decision.reason.text))
        }
        if json {
            let items = rows.map { row in
                JSONText.object([("target", JSONText.string(row.target)), ("output", JSONText.string(row.output)),
                                 ("status", JSONText.string(row.status)), ("reason", JSONText.string(row.reason))])
            }
            Console.out("[" + items.joined(separator: ",\n ") + "]")
        } else {
            for row in rows {
                Console.out(row.status == "up-to-date" ? "up to date  \(row.target)" : "\(row.status.padding(11))\(row.target): \(row.reason)")
            }
        }
        if rows.contains(where: { $0.status != "up-to-date" }) { throw ExitStatus.failures }
    }
}

extension String {
    func padding(_ width: Int) -> String {
        count >= width ? self + " " : self + String(repeating: " ", count: width - count)
    }
}
