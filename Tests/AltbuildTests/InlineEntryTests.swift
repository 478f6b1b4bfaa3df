import Testing
import Foundation
import AltbuildSupport
@testable import BuildEngine
@testable import AltbuildCore
import Describers

/// Action entries carry small results themselves (one file, no store
/// object), check them on read, still read the entries and objects older
/// versions wrote, and are counted and evicted by `gc`.
@Suite struct InlineEntryTests {
    let root = Fixtures.temporaryDirectory()
    var store: ContentStore { ContentStore(root: root) }
    var actions: ActionCache { ActionCache(root: root) }
    let key = SHA256.hash("a description's key")
    let record = Array(#"{"needsReview":false,"text":"Column chart of sales by region, 2023 to 2024.","version":2}"#.utf8)

    func storeObjects() -> [String] {
        (FileManager.default.subpaths(atPath: store.objectsDirectory) ?? []).filter { $0.contains("/") }
    }

    func entryFile(_ key: SHA256Digest) throws -> [UInt8] {
        try FileIO.read(actions.path("descriptions", key))
    }

    @Test func aSmallResultTravelsInsideItsEntry() throws {
        let digest = try actions.record("descriptions", key, resultBytes: record, store: store)
        #expect(digest == SHA256.hash(record))
        #expect(storeObjects().isEmpty, "no store object: the entry carries the record")
        #expect(actions.result("descriptions", key, store: store) == record)
        #expect(actions.lookup("descriptions", key) == digest)
        let bytes = try entryFile(key)
        #expect(bytes.count == ActionCache.Entry.headerLength + record.count)
        #expect(ActionCache.Entry.decode(bytes, key: key) == ActionCache.Entry(key: key, inline: record))
    }

    @Test func aLargerRecordIsCarriedDeflated() throws {
        let manifest = Array(String(repeating: #"{"slide":3,"state":"generated","text":"Column chart"},"#, count: 40).utf8)
        try actions.record("targets", key, resultBytes: manifest, store: store)
        let bytes = try FileIO.read(actions.path("targets", key))
        #expect(bytes.count * 4 < manifest.count, "\(bytes.count) of \(manifest.count) bytes")
        #expect(actions.result("targets", key, store: store) == manifest)
        #expect(storeObjects().isEmpty)
    }

    @Test func aResultOverOneBlockGoesToTheStoreAndTheEntryNamesIt() throws {
        var generator = SystemRandomNumberGenerator()
        let noise = (0..<8192).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let digest = try actions.record("targets", key, resultBytes: noise, store: store)
        #expect(store.get(digest) == noise)
        let entry = try #require(actions.entry("targets", key))
        #expect(entry.inline == nil && entry.result == digest)
        #expect(try FileIO.read(actions.path("targets", key)).count == ActionCache.Entry.headerLength)
        #expect(actions.result("targets", key, store: store) == noise)
    }

    @Test func aTamperedInlineRecordIsAMissAndIsDropped() async throws {
        try actions.record("descriptions", key, resultBytes: record, store: store)
        var bytes = try entryFile(key)
        // "2023" becomes "2024": still a well-formed record, but not the one the entry names.
        let at = try #require(bytes.lastIndex(of: UInt8(ascii: "3")))
        bytes[at] = UInt8(ascii: "4")
        try FileIO.writeAtomically(bytes, to: actions.path("descriptions", key))
        #expect(actions.result("descriptions", key, store: store) == nil)
        #expect(!FileIO.exists(actions.path("descriptions", key)), "the tampered entry is dropped")
        #expect(await DescriptionCache(store: store, actions: actions).lookup(key) == nil)
    }

    @Test func tornMisplacedAndUnknownEntriesDoNotDecode() throws {
        let whole = ActionCache.Entry(key: key, inline: record).encoded()
        for length in [0, 4, 6, 38, ActionCache.Entry.headerLength, whole.count - 1] {
            #expect(ActionCache.Entry.decode(Array(whole.prefix(length)), key: key) == nil, "torn at \(length)")
        }
        #expect(ActionCache.Entry.decode(whole, key: SHA256.hash("another key")) == nil, "another key's entry")
        var newer = whole
        newer[4] = 3
        #expect(ActionCache.Entry.decode(newer, key: key) == nil, "a version this altbuild does not know")
        var flagged = whole
        flagged[5] |= 0x80
        #expect(ActionCache.Entry.decode(flagged, key: key) == nil, "a flag this altbuild does not know")
        let pointer = ActionCache.Entry(key: key, result: SHA256.hash(record)).encoded()
        #expect(ActionCache.Entry.decode(pointer, key: key) == ActionCache.Entry(key: key, result: SHA256.hash(record)))
        #expect(ActionCache.Entry.decode(pointer + [0], key: key) == nil, "bytes after an entry without a result")
    }

    @Test func anEntryFetchedElsewhereIsRecordedAsItIs() throws {
        let fetched = try #require(ActionCache.Entry.decode(ActionCache.Entry(key: key, inline: record).encoded(), key: key))
        try actions.record("descriptions", fetched)
        #expect(actions.result("descriptions", key, store: store) == record)
    }

    @Test func entriesAndRecordsOfTheJSONFormatStillRead() async throws {
        // What altbuild wrote before results travelled inline: a JSON entry naming a store object.
        let description = Array(#"{"needsReview":true,"reason":"asked a model once","text":"A red bicycle.","version":2}"#.utf8)
        let digest = try store.put(description)
        let legacy = Array(#"{"key":"\#(key.hex)","result":"\#(digest.hex)","version":1}"#.utf8)
        try FileIO.writeAtomically(legacy, to: actions.path("descriptions", key))
        #expect(actions.lookup("descriptions", key) == digest)
        #expect(actions.result("descriptions", key, store: store) == description)
        let cached = await DescriptionCache(store: store, actions: actions).lookup(key)
        #expect(cached?.text == "A red bicycle." && cached?.needsReview == true, "an upgrade asks no model again")
        #expect(try entryFile(key) == legacy, "read as it is, not rewritten")
    }

    @Test func aDescriptionIsOneFile() async throws {
        let cache = DescriptionCache(store: store, actions: actions)
        try await cache.store(Description(text: "A red bicycle against a wall.", needsReview: false, reason: nil), for: key)
        #expect(await cache.lookup(key)?.text == "A red bicycle against a wall.")
        #expect(storeObjects().isEmpty)
        #expect(actions.entry(DescriptionCache.namespace, key)?.inline != nil)
    }
}
