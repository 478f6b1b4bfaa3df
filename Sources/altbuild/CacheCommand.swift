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
        let project = self.project.project()
        let usage = CacheCollector(store: project.store, actions: project.actionCache).usage()
        Console.out("cache: \(project.cacheDirectory)")
        Console.out("objects: \(usage.objects) (\(Quantity.describe(usage.bytes)))")
        Console.out("action entries: \(usage.actionEntries)")
        guard let last = LastBuild(path: project.lastBuildPath) else {
            Console.out("last build: none recorded")
            return
        }
        Console.out("last build: \(last["build_id"])")
        Console.out("  decks: \(last["restored"]) restored from cache (hits), \(last["built"]) built (misses), \(last["up_to_date"]) up to date, \(last["failed"]) failed")
        Console.out("  descriptions: \(last["description_cache_hits"]) from cache (hits), \(last["describer_calls"]) describer calls (misses)")
    }
}
