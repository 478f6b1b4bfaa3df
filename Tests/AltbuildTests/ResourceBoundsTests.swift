import Testing
import Foundation
@testable import OOXML

/// Issue 8's scenes, through the built binary: a pixel bomb must not reach
/// the parent, a worker that needs too much memory fails alone, and
/// describer processes are bounded build-wide.
@Suite(.serialized) struct ResourceBoundsTests {
    let project = Fixtures.temporaryDirectory()
    let fm = FileManager.default

    /// A deck with `count` pictures, each with its own bytes (a tiny PNG
    /// followed by a marker after IEND, so each has its own digest).
    static func manyPictures(_ count: Int, seed: Int) -> [UInt8] {
        var shapes = DeckFixture.textBox(id: 1000, name: "Title", text: "Pictures \(seed)", placeholder: "title")
        var relationships: [(id: String, type: String, target: String)] = []
        var parts: [(name: String, bytes: [UInt8])] = []
        for i in 0..<count {
            shapes += DeckFixture.picture(id: 2 + i, name: "Picture \(i)", embed: "rIdImg\(i)")
            relationships.append(("rIdImg\(i)", "image", "../media/image\(i).png"))
            parts.append(("ppt/media/image\(i).png", DeckFixture.png + Array("deck \(seed) picture \(i)".utf8)))
        }
        return DeckFixture(slides: [.init(shapes: shapes, relationships: relationships)], parts: parts).bytes()
    }

    /// The most processes that were running at once, from a log of `s`
    /// (started) and `e` (ended) lines each process appended.
    static func mostAtOnce(_ log: String) throws -> (most: Int, total: Int) {
        let text = try String(contentsOfFile: log, encoding: .utf8)
        var running = 0, most = 0, total = 0
        for line in text.split(separator: "\n") {
            if line == "s" { running += 1; total += 1; most = max(most, running) }
            if line == "e" { running -= 1 }
        }
        return (most, total)
    }

    @Test func aPixelBombIsNeverDecodedAndTheParentStaysSmall() throws {
        let server = try FakeModelServer(api: "ollama", arguments: ["--answer", "A lighthouse at dusk"])
        let bomb = ImageToolsTests.pngBomb(width: 40_000, height: 40_000)
        let deck = DeckFixture(slides: [.init(
            shapes: DeckFixture.textBox(id: 100, name: "Title", text: "Coast", placeholder: "title")
                + DeckFixture.picture(id: 2, name: "Photo", embed: "rIdA")
                + DeckFixture.picture(id: 3, name: "Bomb", embed: "rIdB"),
            relationships: [("rIdA", "image", "../media/a.png"), ("rIdB", "image", "../media/b.png")])],
            parts: [("ppt/media/a.png", try ImageToolsTests.png(width: 64, height: 48)), ("ppt/media/b.png", bomb)]).bytes()
        try fm.write(deck, to: "\(project)/decks/coast.pptx")
        let build = try BinaryRunner.run(["build", "decks", "--describer", "ollama", "--endpoint", server.endpoint, "--progress", "none"], in: project)
        #expect(build.status == 0, "\(build.stderr)")
        #expect(build.stderr.contains("slide 1 (Bomb): the picture declares 40000 × 40000 pixels (1600 megapixels), over the pixel budget of 50 megapixels"), "\(build.stderr)")
        let slots = try Deck(path: "\(project)/build/decks/coast.pptx").inventory().slots
        #expect(slots.first { $0.name == "Photo" }?.descr == "A lighthouse at dusk")
        #expect(slots.first { $0.name == "Bomb" }?.descr == nil, "a picture nobody could see gets no text")
        #expect(server.posts.count == 1, "only the photo went to the model")
        let rss = try #require(try BuildLogs.endLine(project)["peak_rss_kib"].flatMap { Int($0) })
        #expect(rss < 100 * 1024, "parent peak RSS \(rss) KiB")

        // A budget over the bomb's size decodes it (in the worker): the setting is part of the key.
        let status = try BinaryRunner.run(["status", "decks", "--describer", "ollama", "--endpoint", server.endpoint, "--max-megapixels", "2000"], in: project)
        #expect(status.status == 1, "a different budget makes the deck stale: \(status.stdout)")
    }

    @Test func aWorkerOverItsMemoryLimitFailsItsDeckAlone() throws {
        // 60 MB of slide XML (under the 64 MiB part limit, 40:1 compressed):
        // the worker's parse tree needs several times its 160 MiB.
        let shapes = (0..<150_000).map { DeckFixture.textBox(id: 10 + $0, name: "Box \($0)", text: "Line \($0 * 7919 % 100_003) of many") }.joined()
        try fm.write(DeckFixture(slides: [.init(shapes: shapes)]).bytes(), to: "\(project)/decks/heavy.pptx")
        try fm.write(IncrementalTests.deck(variant: 1), to: "\(project)/decks/light.pptx")
        let build = try BinaryRunner.run(["build", "decks", "--worker-memory", "160M", "--progress", "none"], in: project)
        #expect(build.status == 1, "\(build.stdout)\(build.stderr)")
        #expect(build.stderr.contains("decks/heavy.pptx: E_RESOURCE_LIMIT"), "\(build.stderr)")
        #expect(build.stdout.contains("2 decks: 1 built"), "\(build.stdout)")
        #expect(fm.fileExists(atPath: "\(project)/build/decks/light.pptx"))

        let small = try BinaryRunner.run(["build", "decks", "--worker-memory", "16M"], in: project)
        #expect(small.status == 2, "a limit no worker can start under is a usage error: \(small.stderr)")
        #expect(small.stderr.contains("--worker-memory 16M: expected a size like 512M or 4G (at least 128M), or 0 for none"), "\(small.stderr)")
    }

    @Test func commandDescribersNeverRunMoreThanTheConcurrencyAtOnce() throws {
        for seed in 0..<2 { try fm.write(Self.manyPictures(60, seed: seed), to: "\(project)/decks/d\(seed).pptx") }
        let log = "\(project)/running.log"
        let command = "echo s >> \(log); cat > /dev/null; sleep 0.05; echo e >> \(log); echo A described picture"
        let build = try BinaryRunner.run(["build", "decks", "-j", "2", "--concurrency", "3", "--describer", "command",
                                          "--describer-command", command, "--progress", "none"], in: project)
        #expect(build.status == 0, "\(build.stderr)")
        let (most, total) = try Self.mostAtOnce(log)
        #expect(total == 120, "every picture described once")
        #expect(most <= 3, "at most --concurrency commands at once, saw \(most)")
        #expect(most >= 2, "the limit is used, not just never reached (saw \(most))")
    }

    @Test func ocrProcessesCountAgainstTheSameLimit() throws {
        // A stand-in `tesseract` on PATH that logs its runs: a real child process per picture.
        let bin = "\(project)/bin"
        try fm.createDirectory(atPath: bin, withIntermediateDirectories: true)
        let log = "\(project)/ocr.log"
        try "#!/bin/sh\necho s >> \(log)\ncat > /dev/null\nsleep 0.05\necho e >> \(log)\n".write(toFile: "\(bin)/tesseract", atomically: true, encoding: .utf8)
        chmod("\(bin)/tesseract", 0o755)
        for seed in 0..<2 { try fm.write(Self.manyPictures(30, seed: seed), to: "\(project)/decks/d\(seed).pptx") }
        let path = bin + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        let build = try BinaryRunner.run(["build", "decks", "-j", "2", "--concurrency", "2", "--progress", "none"],
                                         in: project, environment: ["PATH": path])
        #expect(build.status == 0, "\(build.stderr)")
        let (most, total) = try Self.mostAtOnce(log)
        #expect(total == 60)
        #expect(most <= 2, "at most --concurrency OCR processes at once, saw \(most)")
    }
}

/// Reading a project's newest JSON-lines build log.
enum BuildLogs {
    static func newest(_ project: String) throws -> String {
        let folder = project + "/.altbuild/logs"
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".jsonl") }.sorted()
        let name = try #require(names.last)
        return try String(contentsOfFile: folder + "/" + name, encoding: .utf8)
    }

    /// Every line of the newest log, as string fields.
    static func lines(_ project: String) throws -> [[String: String]] {
        try newest(project).split(separator: "\n").compactMap { line in
            (try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?.compactMapValues { $0 as? String }
        }
    }

    static func endLine(_ project: String) throws -> [String: String] {
        try #require(try lines(project).last { $0["event"] == "end" })
    }
}
