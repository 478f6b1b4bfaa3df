import Testing
import Foundation
import AltbuildSupport
@testable import BuildEngine
@testable import AltbuildCore
@testable import OOXML
import DeckParsing

/// The incremental engine driven in process, with a counting describer.
@Suite(.serialized) struct IncrementalTests {
    let root: String
    let fm = FileManager.default

    init() throws {
        root = Fixtures.temporaryDirectory()
        FileManager.default.changeCurrentDirectoryPath(root)
    }

    /// A deck with one picture slot; `variant` changes its bytes but not the picture or caption.
    static func deck(variant: Int, image: [UInt8] = DeckFixture.png, caption: String = "Figure 1: the new office",
                     title: String? = nil, language: String? = nil) -> [UInt8] {
        DeckFixture(
            slides: [.init(
                shapes: DeckFixture.textBox(id: 100, name: "Title", text: title ?? "Deck \(variant)", placeholder: "title", language: language)
                    + DeckFixture.picture(id: 2, name: "Picture 1")
                    + DeckFixture.textBox(id: 3, name: "Caption", text: caption, x: 1_000_000, y: 3_100_000),
                relationships: [("rIdImg", "image", "../media/image1.png")])],
            parts: [("ppt/media/image1.png", image), ("docProps/variant.txt", Array("variant \(variant)".utf8))]).bytes()
    }

    func project(_ describer: CountingDescriber, options: BuildOptions = BuildOptions()) -> Project {
        var project = Project(configuration: BuildConfiguration(outputDirectory: "out", stateDirectory: ".altbuild", describer: describer),
                              options: options, cacheDirectory: ".altbuild/cache")
        project.isolation = .custom(InProcessDeckProcessor(limits: .default))
        return project
    }

    func build(_ project: Project, _ paths: [String] = ["decks"]) async throws -> (BuildSummary, [TargetOutcome]) {
        let inputs = project.targets(try project.discovery.discover(paths))
        let executor = project.executor(state: StateLog(path: project.statePath), buildID: makeBuildID())
        final class Collector: @unchecked Sendable { var outcomes: [TargetOutcome] = [] }
        let collector = Collector()
        let result = await executor.run(inputs) { outcome, _, _ in collector.outcomes.append(outcome) }
        return (result.summary, collector.outcomes.sorted { $0.input < $1.input })
    }

    func write(_ bytes: [UInt8], _ path: String) throws { try fm.write(bytes, to: root + "/" + path) }

    @Test func editingOneDeckOfFiftyRebuildsExactlyThatOne() async throws {
        for i in 0..<50 { try write(Self.deck(variant: i), "decks/d\(i).pptx") }
        let describer = CountingDescriber(model: "m1")
        let (first, _) = try await build(project(describer))
        #expect(first.built == 50)
        // The same picture and caption in 50 decks: one describer call.
        #expect(describer.calls == 1)
        #expect(first.calls == 1 && first.cacheHits == 49)

        try write(Self.deck(variant: 1000), "decks/d17.pptx")
        let (second, outcomes) = try await build(project(describer))
        #expect(second.built == 1 && second.upToDate == 49)
        #expect(outcomes.filter { $0.status == .built }.map(\.input) == ["decks/d17.pptx"])
        #expect(outcomes.first { $0.status == .built }?.reason.text.hasPrefix("input changed (sha256 ") == true)
        #expect(describer.calls == 1, "the description was cached")
    }

    @Test func changingTheModelRebuildsEverythingAndDescribesAgain() async throws {
        for i in 0..<3 { try write(Self.deck(variant: i, caption: "Caption \(i)"), "decks/d\(i).pptx") }
        let m1 = CountingDescriber(model: "m1")
        _ = try await build(project(m1))
        #expect(m1.calls == 3)
        let m2 = CountingDescriber(model: "m2")
        let p2 = project(m2)
        let plan = p2.executor(state: StateLog(path: p2.statePath), buildID: "t").plan(try p2.discovery.discover(["decks/d0.pptx"])[0])
        #expect(plan.decision.reason.text == "config describer.model changed (m1 → m2)")
        let (summary, _) = try await build(p2)
        #expect(summary.built == 3)
        #expect(m2.calls == 3)
        let slot = try Deck(path: "out/decks/d0.pptx").inventory().slots.first { $0.kind == .picture }
        #expect(slot?.descr == "[m2] picture Caption 0")
        // Back to m1: every description comes from the cache, no describer call. (The
        // review files now hold m2's texts, so the decks are built again, not restored.)
        let m1again = CountingDescriber(model: "m1")
        let (back, _) = try await build(project(m1again))
        #expect(back.built == 3 && back.cacheHits == 3)
        #expect(m1again.calls == 0)
    }

    @Test func aCorruptCacheObjectIsDetectedAndRebuilt() async throws {
        try write(Self.deck(variant: 1), "decks/a.pptx")
        let describer = CountingDescriber(model: "m1")
        let p = project(describer)
        _ = try await build(p)
        let record = try #require(StateLog(path: p.statePath).record(for: "decks/a.pptx"))
        // The cache keeps the deck's recipe (its edits), not a copy of the output.
        let result = try #require(p.actionCache.lookup(BuildExecutor.resultNamespace, record.key))
        let recipe = try #require(p.store.get(result).flatMap(TargetResult.decode)?.recipe)
        #expect(p.store.get(try #require(record.outputDigest)) == nil, "no whole copy of the output is stored")
        let objectPath = p.store.path(of: recipe)
        var bytes = try #require(fm.contents(atPath: objectPath))
        bytes[bytes.count / 2] ^= 0xFF
        try bytes.write(to: URL(fileURLWithPath: objectPath))
        #expect(p.store.get(recipe) == nil, "a corrupt object is never served")
        #expect(!fm.fileExists(atPath: objectPath), "and it is deleted")
        try bytes.write(to: URL(fileURLWithPath: objectPath))
        try fm.removeItem(atPath: "out/decks/a.pptx")
        let (summary, outcomes) = try await build(p)
        #expect(summary.built == 1, "\(outcomes.map(\.reason.text))")
        #expect(outcomes[0].reason.text == "output missing; not in the cache any more")
        #expect(p.store.get(recipe) != nil, "rebuilt object is whole again")
        #expect(SHA256.hash(Array(try #require(fm.contents(atPath: "out/decks/a.pptx")))) == record.outputDigest)
    }

    @Test func aMissingOutputIsRestoredWithoutDescribing() async throws {
        try write(Self.deck(variant: 1), "decks/a.pptx")
        let describer = CountingDescriber(model: "m1")
        _ = try await build(project(describer))
        let original = try #require(fm.contents(atPath: "out/decks/a.pptx"))
        try fm.removeItem(atPath: "out/decks/a.pptx")
        let (summary, outcomes) = try await build(project(describer))
        #expect(summary.restored == 1 && describer.calls == 1)
        #expect(outcomes[0].reason.text == "output missing")
        #expect(fm.contents(atPath: "out/decks/a.pptx") == original)
        // An output someone edited is put back too.
        try Data("scribble".utf8).write(to: URL(fileURLWithPath: "out/decks/a.pptx"))
        let (again, outcomes2) = try await build(project(describer))
        #expect(again.restored == 1)
        #expect(outcomes2[0].reason.text.hasPrefix("output modified (sha256 "))
    }

    @Test func aRacyEditWithTheSameSizeAndMtimeIsCaught() async throws {
        try write(Self.deck(variant: 1), "decks/a.pptx")
        let describer = CountingDescriber(model: "m1")
        _ = try await build(project(describer))
        let before = try fm.attributesOfItem(atPath: "decks/a.pptx")
        let replacement = Self.deck(variant: 2)
        #expect(replacement.count == (before[.size] as? Int))
        try Data(replacement).write(to: URL(fileURLWithPath: "decks/a.pptx"))
        try fm.setAttributes([.modificationDate: before[.modificationDate] as Any], ofItemAtPath: "decks/a.pptx")
        let (summary, outcomes) = try await build(project(describer))
        #expect(summary.built == 1, "\(outcomes.map(\.reason.text))")
    }

    @Test func racilyCleanEntriesAreRehashedNotTrusted() throws {
        // Recorded in the same second as the file's mtime: the digest must not be trusted.
        let status = FileStatus(size: 10, mtimeNanoseconds: 5_000_000_100, ctimeNanoseconds: 1, inode: 1, device: 1)
        #expect(status.isRacy(recordedAt: 5_900_000_000))
        #expect(!status.isRacy(recordedAt: 6_000_000_000))
    }

    @Test func aDeckEditedDuringItsBuildIsNotCached() async throws {
        try write(Self.deck(variant: 1), "decks/a.pptx")
        let path = root + "/decks/a.pptx"
        let describer = CountingDescriber(model: "m1") {
            try? Data(IncrementalTests.deck(variant: 99, caption: "edited meanwhile")).write(to: URL(fileURLWithPath: path))
        }
        let (summary, outcomes) = try await build(project(describer))
        #expect(summary.failed == 1)
        #expect(outcomes[0].error?.code == .inputChanged)
        #expect(!fm.fileExists(atPath: "out/decks/a.pptx"))
        let record = StateLog(path: project(describer).statePath).record(for: "decks/a.pptx")
        #expect(record?.status == .failed)
        // The next run builds it again, from the new content.
        let calm = CountingDescriber(model: "m1")
        let (next, _) = try await build(project(calm))
        #expect(next.built == 1)
    }

    @Test func inPlaceSecondRunIsANoOpAndAPersonsEditSurvivesADescriberChange() async throws {
        let fixture = DeckFixture(
            slides: [.init(shapes: DeckFixture.picture(id: 2, name: "Picture 1") + DeckFixture.picture(id: 3, name: "Picture 2", x: 5_000_000),
                           relationships: [("rIdImg", "image", "../media/image1.png")])],
            parts: [("ppt/media/image1.png", DeckFixture.png)])
        try write(fixture.bytes(), "decks/talk.pptx")
        let options = BuildOptions(inPlace: true)
        let (first, _) = try await build(project(CountingDescriber(model: "m1"), options: options))
        #expect(first.built == 1)
        let afterFirst = try fm.modificationDate("decks/talk.pptx")
        let (second, secondOutcomes) = try await build(project(CountingDescriber(model: "m1"), options: options))
        #expect(second.upToDate == 1 && second.built == 0, "\(secondOutcomes.map(\.reason.text))")
        #expect(try fm.modificationDate("decks/talk.pptx") == afterFirst)

        // A person edits the second picture's text in the deck.
        let deck = try Deck(path: "decks/talk.pptx")
        let slots = try deck.inventory().slots
        #expect(slots.map(\.descr) == ["[m1] picture ", "[m1] picture "])
        let edited = try DeckRewriter.rewrite(deck, edits: [AltTextEdit(part: slots[1].part, ordinal: 1, descr: "Our founder at the opening")])
        try Data(edited).write(to: URL(fileURLWithPath: "decks/talk.pptx"))

        let m2 = CountingDescriber(model: "m2")
        let (third, outcomes) = try await build(project(m2, options: options))
        #expect(third.built == 1, "\(outcomes.map(\.reason.text))")
        let final = try Deck(path: "decks/talk.pptx").inventory().slots.map(\.descr)
        #expect(final == ["[m2] picture ", "Our founder at the opening"])
        let (fourth, _) = try await build(project(m2, options: options))
        #expect(fourth.upToDate == 1)
    }

    /// CI saw this: a second in-place run more than a second after the first
    /// (no longer racily clean) trusted the stat and took the digest of the
    /// deck before it was rewritten, so it rebuilt. Recording the first build
    /// as if it had been a while ago makes the stat trusted here too.
    @Test func inPlaceOutputIsUpToDateOnceItsStatIsTrusted() async throws {
        try write(Self.deck(variant: 1), "decks/a.pptx")
        let options = BuildOptions(inPlace: true)
        let describer = CountingDescriber(model: "m1")
        let (first, _) = try await build(project(describer, options: options))
        #expect(first.built == 1)
        let state = StateLog(path: project(describer).statePath)
        var record = try #require(state.record(for: "decks/a.pptx"))
        #expect(record.inputDigest != record.outputDigest, "the deck was rewritten in place")
        record.statRecordedAt += 5_000_000_000
        try state.append(record)
        let (second, outcomes) = try await build(project(describer, options: options))
        #expect(second.upToDate == 1, "\(outcomes.map(\.reason.text))")
    }

    @Test func forceRebuildsWithoutReadingTheCacheButStillWritesIt() async throws {
        try write(Self.deck(variant: 1), "decks/a.pptx")
        let describer = CountingDescriber(model: "m1")
        _ = try await build(project(describer))
        let (forced, outcomes) = try await build(project(describer, options: BuildOptions(force: true)))
        #expect(forced.built == 1 && describer.calls == 2)
        #expect(outcomes[0].reason.text == "forced with --force")
    }

    @Test func failuresAreRetriedUnlessSkipped() async throws {
        try write(Array("not a deck".utf8), "decks/bad.pptx")
        let describer = CountingDescriber(model: "m1")
        _ = try await build(project(describer))
        let (again, outcomes) = try await build(project(describer))
        #expect(again.failed == 1)
        #expect(outcomes[0].reason.text.hasPrefix("previous build failed: E_NOT_ZIP"))
        let (skipped, skippedOutcomes) = try await build(project(describer, options: BuildOptions(skipFailed: true)))
        #expect(skipped.skipped == 1 && skipped.failed == 0)
        #expect(skippedOutcomes[0].reason.text.hasSuffix("skipped (--skip-failed)"))
    }
}

@Suite struct StateLogTests {
    func record(_ target: String, _ status: TargetRecord.Status = .succeeded) -> TargetRecord {
        TargetRecord(target: target, status: status, key: SHA256.hash(target), inputDigest: SHA256.hash("in" + target),
                     inputStatus: FileStatus(size: 1, mtimeNanoseconds: 2, ctimeNanoseconds: 3, inode: 4, device: 5),
                     statRecordedAt: 6, outputPath: "out/" + target, outputDigest: SHA256.hash("out"), outputStatus: nil,
                     manifestDigest: nil, configuration: "a=1\nb=tab\there", errorCode: status == .failed ? "E_X" : nil,
                     errorMessage: status == .failed ? "line one\nline two \\ end" : nil, seconds: 0.25, buildID: "b1", finishedAt: 7)
    }

    @Test func recordsRoundTripAndTheLastOneWins() throws {
        let path = Fixtures.temporaryDirectory() + "/state.log"
        let log = StateLog(path: path)
        try log.append(record("a.pptx"))
        try log.append(record("b.pptx", .failed))
        try log.append(record("a.pptx", .failed))
        let loaded = StateLog(path: path)
        #expect(loaded.records.count == 2)
        #expect(loaded.record(for: "a.pptx") == record("a.pptx", .failed))
        #expect(loaded.record(for: "b.pptx")?.errorMessage == "line one\nline two \\ end")
    }

    @Test func aTornLastRecordIsIgnoredAndCutBeforeTheNextAppend() throws {
        let path = Fixtures.temporaryDirectory() + "/state.log"
        let log = StateLog(path: path)
        try log.append(record("a.pptx"))
        try log.append(record("b.pptx"))
        var bytes = try #require(FileManager.default.contents(atPath: path))
        bytes.removeLast(20)  // a crash in the middle of writing b's line
        try bytes.write(to: URL(fileURLWithPath: path))
        let loaded = StateLog(path: path)
        #expect(loaded.records.keys.sorted() == ["a.pptx"])
        try loaded.append(record("c.pptx"))
        #expect(StateLog(path: path).records.keys.sorted() == ["a.pptx", "c.pptx"])
    }

    @Test func aGarbledLineFailsItsChecksum() throws {
        let path = Fixtures.temporaryDirectory() + "/state.log"
        let log = StateLog(path: path)
        try log.append(record("a.pptx"))
        var text = try String(contentsOfFile: path, encoding: .utf8)
        text = text.replacingOccurrences(of: "out/a.pptx", with: "out/x.pptx")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        #expect(StateLog(path: path).records.isEmpty)
    }

    @Test func compactionKeepsOnlyLiveRecords() throws {
        let path = Fixtures.temporaryDirectory() + "/state.log"
        let log = StateLog(path: path)
        for _ in 0..<100 { try log.append(record("a.pptx")) }
        try log.compactIfNeeded()
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 3)  // header, the configuration and one record
        #expect(StateLog(path: path).record(for: "a.pptx") == record("a.pptx"))
    }
}
