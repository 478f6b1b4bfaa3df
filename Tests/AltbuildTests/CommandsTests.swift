import Testing
import Foundation
@testable import OOXML
@testable import AltbuildCore

/// End-to-end tests of the incremental commands: status, explain, graph,
/// clean, gc and cache stats, on the built binary.
@Suite(.serialized) struct CommandsTests {
    let project: String
    let fm = FileManager.default

    init() throws {
        project = Fixtures.temporaryDirectory()
        // Twenty decks sharing one picture and caption, differing in their titles.
        for i in 0..<20 { try fm.write(IncrementalTests.deck(variant: i), to: "\(project)/decks/d\(String(format: "%02d", i)).pptx") }
    }

    func run(_ arguments: String..., environment: [String: String] = [:], in directory: String? = nil) throws -> BinaryRunner.Result {
        try BinaryRunner.run(arguments, in: directory ?? project, environment: environment)
    }

    @Test func theSameImageInTwentyDecksIsDescribedOnce() throws {
        let build = try run("build", "decks")
        #expect(build.status == 0, "\(build.stderr)")
        #expect(build.stdout.contains("20 decks: 20 built, 0 restored from cache, 0 up to date, 0 failed; 1 describer call"), "\(build.stdout)")
        let stats = try run("cache", "stats")
        #expect(stats.stdout.contains("descriptions: 19 from cache (hits), 1 describer calls (misses)"), "\(stats.stdout)")
        #expect(stats.stdout.contains("decks: 0 restored from cache (hits), 20 built (misses)"), "\(stats.stdout)")
    }

    @Test func statusSaysWhatWouldBuildAndExitsOneIfAnything() throws {
        var status = try run("status", "decks")
        #expect(status.status == 1)
        #expect(status.stdout.contains("new        decks/d00.pptx: new: never built"), "\(status.stdout)")
        _ = try run("build", "decks")
        status = try run("status", "decks")
        #expect(status.status == 0, "\(status.stdout)")
        #expect(status.stdout.contains("up to date  decks/d19.pptx"))
        try fm.write(IncrementalTests.deck(variant: 77), to: "\(project)/decks/d03.pptx")
        try fm.write(Array("junk".utf8), to: "\(project)/decks/zz.pptx")
        status = try run("status", "decks")
        #expect(status.status == 1)
        #expect(status.stdout.contains("stale      decks/d03.pptx: input changed (sha256 "), "\(status.stdout)")
        #expect(status.stdout.contains("new        decks/zz.pptx"))
        _ = try run("build", "decks")
        let json = try run("status", "decks", "--json")
        let rows = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: String]]
        #expect(rows?.count == 21)
        #expect(rows?.first { $0["target"] == "decks/zz.pptx" }?["status"] == "failed")
        #expect(rows?.first { $0["target"] == "decks/zz.pptx" }?["reason"]?.hasPrefix("previous build failed: E_NOT_ZIP") == true)
        #expect(rows?.filter { $0["status"] == "up-to-date" }.count == 20)
    }

    @Test func explainNamesTheChangedSetting() throws {
        _ = try run("build", "decks")
        let same = try run("explain", "decks/d01.pptx")
        #expect(same.stdout.hasPrefix("decks/d01.pptx: up to date"), "\(same.stdout)")
        let changed = try run("explain", "decks/d01.pptx", "--replace-automatic")
        #expect(changed.stdout.contains("decks/d01.pptx: config policy.replaceAutomatic changed (false → true)"), "\(changed.stdout)")
        try fm.removeItem(atPath: "\(project)/build/decks/d01.pptx")
        #expect(try run("explain", "decks/d01.pptx").stdout.contains("decks/d01.pptx: output missing"))
    }

    @Test func graphSharesOneNodePerImage() throws {
        _ = try run("build", "decks")
        let json = try run("graph", "decks", "--format", "json")
        let graph = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let nodes = graph?["nodes"] as? [[String: String]] ?? []
        let edges = graph?["edges"] as? [[String: String]] ?? []
        #expect(nodes.filter { $0["kind"] == "deck" }.count == 20)
        let media = nodes.filter { $0["kind"] == "media" }
        #expect(media.count == 1)
        #expect(nodes.filter { $0["kind"] == "description" }.count == 1)
        #expect(edges.filter { $0["from"] == media.first?["id"] }.count == 21)  // 20 slots and 1 description
        // Each deck's review file is an input of its output.
        #expect(nodes.filter { $0["kind"] == "review" }.count == 20)
        #expect(edges.contains { $0["from"] == "review:alt-text/decks/d03.pptx.json" && $0["to"] == "output:build/decks/d03.pptx" })
        let dot = try run("graph", "decks")
        #expect(dot.stdout.hasPrefix("digraph altbuild {"))
        #expect(dot.stdout.contains("->"))
    }

    @Test func cleanThenBuildRestoresFromTheCache() throws {
        _ = try run("build", "decks")
        let clean = try run("clean", "decks")
        #expect(clean.stdout.contains("removed 20 outputs"))
        #expect(!fm.fileExists(atPath: "\(project)/build/decks/d00.pptx"))
        let build = try run("build", "decks")
        #expect(build.stdout.contains("20 decks: 0 built, 20 restored from cache, 0 up to date, 0 failed; 0 describer calls"), "\(build.stdout)")
    }

    @Test func gcNeverEvictsWhatTheStateNeeds() throws {
        _ = try run("build", "decks/d00.pptx")
        try fm.write(IncrementalTests.deck(variant: 500), to: "\(project)/decks/d00.pptx")
        _ = try run("build", "decks/d00.pptx")
        let before = try run("cache", "stats")
        let gc = try run("gc", "--max-size", "1")
        #expect(gc.status == 0, "\(gc.stderr)")
        #expect(gc.stdout.contains("evicted "), "\(gc.stdout)")
        #expect(!gc.stdout.hasPrefix("evicted 0 objects"), "the first build's output is no longer referenced: \(gc.stdout)")
        #expect(before.stdout != (try run("cache", "stats")).stdout)
        _ = try run("clean", "decks/d00.pptx")
        let build = try run("build", "decks/d00.pptx")
        #expect(build.stdout.contains("1 restored from cache"), "\(build.stdout)")
        #expect(try run("gc").status == 2, "gc needs a limit")
    }

    @Test func gcKeepsTheDescriptionsTheStateStillNeeds() throws {
        _ = try run("build", "decks/d00.pptx")
        let gc = try run("gc", "--max-size", "1")
        #expect(gc.status == 0, "\(gc.stderr)")
        // Another deck (other bytes, so no cached result) with the same picture and caption asks
        // for the same description: it comes from the cache only if gc kept it.
        let other = try run("build", "decks/d01.pptx")
        #expect(other.stdout.contains("1 built, 0 restored from cache, 0 up to date, 0 failed; 0 describer calls"), "descriptions survived gc: \(other.stdout)")
    }

    @Test func gcByAgeEvictsOnlyOldUnreferencedObjects() throws {
        _ = try run("build", "decks/d00.pptx")
        try fm.write(IncrementalTests.deck(variant: 600), to: "\(project)/decks/d00.pptx")
        _ = try run("build", "decks/d00.pptx")
        // Make every object look 40 days unused.
        let objects = "\(project)/.altbuild/cache/objects"
        let old = Date().addingTimeInterval(-40 * 86400)
        var count = 0
        for path in try fm.subpathsOfDirectory(atPath: objects) where path.contains("/") {
            try fm.setAttributes([.modificationDate: old], ofItemAtPath: "\(objects)/\(path)")
            count += 1
        }
        #expect(count > 4)
        let kept = try run("gc", "--max-age", "60d")
        #expect(kept.stdout.hasPrefix("evicted 0 objects"), "nothing is that old: \(kept.stdout)")
        let gc = try run("gc", "--max-age", "30d")
        #expect(!gc.stdout.hasPrefix("evicted 0 objects"), "\(gc.stdout)")
        let remaining = try fm.subpathsOfDirectory(atPath: objects).filter { $0.contains("/") }.count
        #expect(remaining < count && remaining > 0)
        _ = try run("clean", "decks/d00.pptx")
        let build = try run("build", "decks/d00.pptx")
        #expect(build.stdout.contains("1 restored from cache"), "what the state needs was kept: \(build.stdout)")
    }

    @Test func aSharedCacheDirServesSeveralProjects() throws {
        let shared = Fixtures.temporaryDirectory()
        let other = Fixtures.temporaryDirectory()
        try fm.write(IncrementalTests.deck(variant: 3), to: "\(other)/slides/same.pptx")
        try fm.write(IncrementalTests.deck(variant: 3), to: "\(project)/mine/same.pptx")
        let first = try run("build", "mine", environment: ["ALTBUILD_CACHE_DIR": shared])
        #expect(first.stdout.contains("1 built"))
        let second = try run("build", "slides", environment: ["ALTBUILD_CACHE_DIR": shared], in: other)
        #expect(second.stdout.contains("1 decks: 0 built, 1 restored from cache"), "\(second.stdout)")
        let flag = try run("build", "slides", "--cache-dir", shared, "--out-dir", "elsewhere", in: other)
        #expect(flag.stdout.contains("1 restored from cache"), "\(flag.stdout)")
    }

    @Test func inPlaceBuildsAreNoOpsTheSecondTime() throws {
        let first = try run("build", "--in-place", "--fallback", "context", "decks/d05.pptx")
        #expect(first.stdout.contains("1 built"), "\(first.stdout)")
        let slot = try Deck(path: "\(project)/decks/d05.pptx").inventory().slots.first { $0.kind == .picture }
        #expect(slot?.descr?.isEmpty == false, "the context text was written into the deck itself")
        // The text reads like a person's, but the review file knows altbuild wrote it, unreviewed.
        let review = try ReviewFile.load("\(project)/alt-text/decks/d05.pptx.json")
        let entry = review?.slots.first { $0.kind == .picture }
        #expect(entry?.state == .generated && entry?.text == slot?.descr)
        #expect(entry?.reason?.hasPrefix("from context only") == true, "\(String(describing: entry?.reason))")
        let second = try run("build", "--in-place", "--fallback", "context", "decks/d05.pptx")
        #expect(second.stdout.contains("1 decks: 0 built, 0 restored from cache, 1 up to date"), "\(second.stdout)")
        #expect(try run("clean", "--in-place").status == 1)
        #expect(fm.fileExists(atPath: "\(project)/decks/d05.pptx"))
    }
}
