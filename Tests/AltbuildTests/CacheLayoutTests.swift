import Testing
import Foundation
import AltbuildSupport
@testable import BuildEngine
@testable import AltbuildCore

/// On the built binary: a build keeps each description inside its action
/// entry (no store object), restores from the cache, and `gc` evicts the
/// entries a newer build no longer needs.
@Suite(.serialized) struct CacheLayoutTests {
    let project = Fixtures.temporaryDirectory()
    let fm = FileManager.default
    var cache: String { project + "/.altbuild/cache" }

    func run(_ arguments: String...) throws -> BinaryRunner.Result {
        try BinaryRunner.run(arguments, in: project)
    }

    func succeeded() -> [TargetRecord] {
        StateLog(path: project + "/.altbuild/state.log").records.values.filter { $0.status == .succeeded }
    }

    @Test func descriptionsTravelInsideTheirEntries() throws {
        for i in 0..<3 { try fm.write(IncrementalTests.deck(variant: i, caption: "Caption \(i)"), to: "\(project)/decks/d\(i).pptx") }
        let build = try run("build", "decks", "--fallback", "context")
        #expect(build.status == 0, "\(build.stderr)")
        let store = ContentStore(root: cache), actions = ActionCache(root: cache)
        var descriptions = 0
        for record in succeeded() {
            // A deck's result record is a store object its entry names, as the engine keeps it.
            #expect(actions.result(BuildExecutor.resultNamespace, record.key, store: store).flatMap(TargetResult.decode) != nil)
            let manifest = try #require(record.manifestDigest.flatMap(store.get))
            for reference in DeckReferences().references(inManifest: manifest) {
                let entry = try #require(actions.entry(reference.namespace, reference.key))
                #expect(entry.inline != nil && !store.contains(entry.result), "\(record.target): \(reference.key)")
                descriptions += 1
            }
        }
        #expect(descriptions >= 3)
        _ = try run("clean", "decks")
        let again = try run("build", "decks", "--fallback", "context")
        #expect(again.stdout.contains("3 decks: 0 built, 3 restored from cache"), "\(again.stdout)")
    }

    @Test func gcEvictsTheEntriesOfAnOlderBuild() throws {
        try fm.write(IncrementalTests.deck(variant: 0, caption: "The first caption"), to: "\(project)/decks/d0.pptx")
        _ = try run("build", "decks", "--fallback", "context")
        let first = try #require(succeeded().first)
        try fm.write(IncrementalTests.deck(variant: 0, caption: "Another caption"), to: "\(project)/decks/d0.pptx")
        _ = try run("build", "decks", "--fallback", "context")
        let stats = try run("cache", "stats")
        #expect(stats.stdout.contains("action entries: 4 ("), "two results and two descriptions: \(stats.stdout)")

        let gc = try run("gc", "--max-size", "1")
        #expect(gc.stdout.contains("and 2 action entries ("), "the first build's result and description: \(gc.stdout)")
        let actions = ActionCache(root: cache)
        #expect(actions.entry(BuildExecutor.resultNamespace, first.key) == nil)
        #expect(try run("cache", "stats").stdout.contains("action entries: 2 ("))
        _ = try run("clean", "decks")
        let again = try run("build", "decks", "--fallback", "context")
        #expect(again.stdout.contains("1 decks: 0 built, 1 restored from cache"), "what the state needs was kept: \(again.stdout)")
    }
}
