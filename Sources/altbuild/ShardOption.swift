import ArgumentParser
import AltbuildSupport
import BuildEngine

/// `--shard K/N`, for `build`, `status` and `check`: only the decks of part
/// K of N. A flag only, not a key of `altbuild.toml`: the file is shared by
/// every job of a CI matrix, while each job builds its own part, so a shard
/// in the file would give every job the same one. The matrix says K and N
/// on each job's command line.
struct ShardOption: ParsableArguments {
    @Option(help: ArgumentHelp(
        "Only part K of N of the decks (1 <= K <= N), split by a hash of each deck's path in the project, for CI matrices: N jobs with K = 1 to N build every deck once.",
        valueName: "K/N"))
    var shard: String?

    /// A bad value is a usage error (exit status 2), before anything is read.
    func validate() throws {
        _ = try parsed()
    }

    func parsed() throws -> Shard? {
        guard let shard else { return nil }
        do {
            return try Shard(parsing: shard)
        } catch {
            throw ValidationError(error.description)
        }
    }

    /// The decks of this shard among `inputs` (all of them without `--shard`).
    func select(_ inputs: [DiscoveredInput]) throws -> ShardSelection {
        guard let shard = try parsed() else { return ShardSelection(shard: nil, inputs: inputs, of: inputs.count) }
        let root = FileIO.currentDirectory() ?? "."
        let kept = inputs.filter { shard.contains(key: ShardKey.key(for: $0.path, root: root)) }
        return ShardSelection(shard: shard, inputs: kept, of: inputs.count)
    }
}

/// The decks a command works on, and how many there were before a shard was taken.
struct ShardSelection {
    let shard: Shard?
    let inputs: [DiscoveredInput]
    /// Every deck found, in all shards.
    let of: Int

    /// What the summary line opens with: `20 decks`, or `shard 2/3: 7 of 20 decks`.
    func counted(_ total: Int) -> String {
        guard let shard else { return "\(total) decks" }
        return "shard \(shard): \(total) of \(of) decks"
    }
}
