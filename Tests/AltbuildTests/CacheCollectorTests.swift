import Testing
import Foundation
import AltbuildSupport
@testable import BuildEngine

/// `gc` counts action entries (which carry small results) with the store's
/// objects, evicts them least recently used first, never one it is told to
/// keep, and drops entries whose store object is gone.
@Suite struct CacheCollectorTests {
    let root = Fixtures.temporaryDirectory()
    var store: ContentStore { ContentStore(root: root) }
    var actions: ActionCache { ActionCache(root: root) }
    var collector: CacheCollector { CacheCollector(store: store, actions: actions) }

    func key(_ n: Int) -> SHA256Digest { SHA256.hash("key \(n)") }

    func describe(_ n: Int) throws {
        try actions.record("descriptions", key(n), resultBytes: Array(#"{"text":"Description \#(n)","version":2}"#.utf8), store: store)
    }

    func age(_ path: String, days: Double) throws {
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-days * 86400)], ofItemAtPath: path)
    }

    func size(_ path: String) -> Int64 { FileStatus(path: path)?.size ?? -1 }

    @Test func usageCountsEntriesAndTheirBytes() throws {
        for n in 0..<3 { try describe(n) }
        let object = try store.put(Array("a manifest".utf8))
        let usage = collector.usage()
        #expect(usage.actionEntries == 3)
        #expect(usage.actionEntryBytes == (0..<3).reduce(0) { $0 + size(actions.path("descriptions", key($1))) })
        #expect(usage.objects == 1 && usage.bytes == size(store.path(of: object)))
    }

    @Test func bySizeEntriesAreEvictedButNotTheOnesKept() throws {
        for n in 0..<3 { try describe(n) }
        try store.put(Array("an old manifest".utf8))
        var keep = CacheCollector.Retained()
        keep.entries.insert(ActionReference(namespace: "descriptions", key: key(1)))
        let result = collector.collect(keeping: keep, maxBytes: 0, maxAgeSeconds: nil)
        #expect(result.evictedEntries == 2 && result.keptEntries == 1 && result.evictedObjects == 1, "\(result)")
        #expect(result.keptEntryBytes == size(actions.path("descriptions", key(1))))
        #expect(actions.entry("descriptions", key(1)) != nil)
        #expect(actions.entry("descriptions", key(0)) == nil && actions.entry("descriptions", key(2)) == nil)
    }

    @Test func bySizeTheLeastRecentlyUsedEntryGoesFirst() throws {
        for n in 0..<3 { try describe(n) }
        for n in 0..<3 { try age(actions.path("descriptions", key(n)), days: Double(10 - n)) }
        _ = actions.entry("descriptions", key(0))  // a hit: the oldest becomes the newest
        let each = size(actions.path("descriptions", key(1)))
        let result = collector.collect(keeping: .init(), maxBytes: 2 * each, maxAgeSeconds: nil)
        #expect(result.evictedEntries == 1)
        #expect(actions.entry("descriptions", key(1)) == nil, "the least recently used")
        #expect(actions.entry("descriptions", key(0)) != nil && actions.entry("descriptions", key(2)) != nil)
    }

    @Test func byAgeOnlyEntriesUnusedThatLongAreEvicted() throws {
        for n in 0..<2 { try describe(n) }
        try age(actions.path("descriptions", key(0)), days: 40)
        let result = collector.collect(keeping: .init(), maxBytes: nil, maxAgeSeconds: 30 * 86400)
        #expect(result.evictedEntries == 1 && result.keptEntries == 1, "\(result)")
        #expect(actions.entry("descriptions", key(0)) == nil && actions.entry("descriptions", key(1)) != nil)
    }

    @Test func gcReadsDoNotCountAsUses() throws {
        try describe(0)
        try age(actions.path("descriptions", key(0)), days: 40)
        // A collection that keeps it still reads it (to see whether it names a store object).
        #expect(collector.collect(keeping: .init(), maxBytes: nil, maxAgeSeconds: 60 * 86400).keptEntries == 1)
        let result = collector.collect(keeping: .init(), maxBytes: nil, maxAgeSeconds: 30 * 86400)
        #expect(result.evictedEntries == 1, "still 40 days unused after a collection read it: \(result)")
    }

    @Test func entriesWhoseObjectIsGoneAreDropped() throws {
        var generator = SystemRandomNumberGenerator()
        let big = (0..<8192).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let digest = try actions.record("targets", key(0), resultBytes: big, store: store)
        #expect(actions.entry("targets", key(0))?.inline == nil, "over one block: kept in the store")
        try describe(1)
        var keep = CacheCollector.Retained()
        keep.entries = [ActionReference(namespace: "targets", key: key(0)), ActionReference(namespace: "descriptions", key: key(1))]
        let result = collector.collect(keeping: keep, maxBytes: 0, maxAgeSeconds: nil)
        #expect(!FileIO.exists(store.path(of: digest)))
        #expect(result.evictedObjects == 1 && result.evictedEntries == 1 && result.keptEntries == 1, "\(result)")
        #expect(!FileIO.exists(actions.path("targets", key(0))), "it would only ever miss")
        #expect(actions.entry("descriptions", key(1)) != nil, "an inline entry needs no object")
    }
}
