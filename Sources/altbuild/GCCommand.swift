import ArgumentParser
import ProjectSettings
import AltbuildCore
import AltbuildSupport
import BuildEngine

/// `altbuild gc`: evicts cache objects and action entries (which carry small
/// results themselves), least recently used first, never one the current
/// build state references.
struct GCCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gc",
        abstract: "Shrink the cache: evict least recently used objects and entries the current state does not need.")

    @OptionGroup var project: ProjectOptions

    @Option(name: .customLong("max-size"), help: "Evict until the cache holds at most this much (e.g. 500M, 2G).")
    var maxSize: String?

    @Option(name: .customLong("max-age"), help: "Evict objects and entries not used for this long (e.g. 30d, 12h).")
    var maxAge: String?

    func validate() throws {
        if let maxSize, SizeText.bytes(maxSize) == nil { throw ValidationError("--max-size: use a size like 500M or 2G.") }
        if let maxAge, Quantity.seconds(maxAge) == nil { throw ValidationError("--max-age: use a duration like 30d, 12h or 90m.") }
        if maxSize == nil && maxAge == nil { throw ValidationError("Give --max-size, --max-age or both.") }
    }

    func run() async throws {
        let project = try self.project.project()
        let state = StateLog(path: project.statePath)
        if let recovery = state.recovery {
            // Without the state, gc cannot tell what is still needed: evicting would throw away everything.
            Console.error("error: \(recovery); gc needs it to know what to keep, so nothing was evicted. Run `altbuild build` first.")
            throw ExitStatus.environment
        }
        let collector = CacheCollector(store: project.store, actions: project.actionCache)
        let result = collector.collect(
            keeping: collector.referenced(by: state, policy: DeckReferences()),
            maxBytes: maxSize.flatMap(SizeText.bytes), maxAgeSeconds: maxAge.flatMap(Quantity.seconds))
        Console.out("evicted \(result.evictedObjects) objects (\(Quantity.describe(result.evictedBytes))) and "
                    + "\(result.evictedEntries) action entries (\(Quantity.describe(result.evictedEntryBytes))); "
                    + "kept \(result.keptObjects) objects (\(Quantity.describe(result.keptBytes))) and "
                    + "\(result.keptEntries) action entries (\(Quantity.describe(result.keptEntryBytes)))")
    }
}

/// Sizes and durations on the command line.
enum Quantity {
    static func seconds(_ text: String) -> Int64? {
        let units: [Character: Int64] = ["s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604_800]
        guard let last = text.last else { return nil }
        if let unit = units[last] { return Int64(text.dropLast()).map { $0 * unit } }
        return Int64(text)
    }

    static func describe(_ bytes: Int64) -> String {
        if bytes >= 1 << 30 { return "\(bytes / (1 << 20)) MiB" }
        if bytes >= 1 << 20 { return "\(bytes / (1 << 10)) KiB" }
        return "\(bytes) bytes"
    }
}
