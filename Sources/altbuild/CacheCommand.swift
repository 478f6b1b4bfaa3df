import ArgumentParser
import AltbuildCore
import BuildEngine

/// `altbuild cache ...`: looking at the content-addressed cache.
struct CacheCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cache",
        abstract: "Inspect the cache.",
        subcommands: [CacheStatsCommand.self])
}

/// `altbuild cache stats`: objects, bytes, and the hits and misses of the last build.
struct CacheStatsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Objects and bytes in the cache, and the last build's hits and misses.")

    @OptionGroup var project: ProjectOptions

    func run() async throws {
        let project = try self.project.project()
        let usage = CacheCollector(store: project.store, actions: project.actionCache).usage()
        Console.out("cache: \(project.cacheDirectory)")
        Console.out("objects: \(usage.objects) (\(Quantity.describe(usage.bytes)))")
        Console.out("action entries: \(usage.actionEntries) (\(Quantity.describe(usage.actionEntryBytes)))")
        let last: LastBuild
        do {
            guard let loaded = try LastBuild.load(project.lastBuildPath) else {
                Console.out("last build: none recorded")
                return
            }
            last = loaded
        } catch {
            Console.out("last build: cannot be read (\(error)); the next build records it again")
            return
        }
        Console.out("last build: \(last.buildID)")
        Console.out("  decks: \(last.restored) restored from cache (hits), \(last.built) built (misses), \(last.upToDate) up to date, \(last.failed) failed")
        Console.out("  descriptions: \(last.descriptionCacheHits) from cache (hits), \(last.describerCalls) describer calls (misses)")
    }
}
