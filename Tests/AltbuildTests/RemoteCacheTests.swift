import Testing
import Foundation
@testable import OOXML

/// The remote cache end to end: the built binary against a real nginx with
/// WebDAV on 127.0.0.1, as a team would run it. Two clones of one project
/// (the same decks in two folders, each with its own `.altbuild`) share
/// results through it; a server that dies, lies, hangs or wants a password
/// never fails a build. The describer is a command that counts its calls in
/// a file, and its command line is the same in every clone (it is part of
/// the describer's identity, and so of every key).
@Suite(.serialized) struct RemoteCacheTests {
    let base = Fixtures.temporaryDirectory()
    let fm = FileManager.default
    static let description = "A photo of the new office"

    init() throws {
        try "#!/bin/sh\ncat > /dev/null\nsleep ${DESCRIBE_DELAY:-0}\necho call >> \(base)/calls\necho \"\(Self.description)\"\n"
            .write(toFile: "\(base)/describe.sh", atomically: true, encoding: .utf8)
    }

    /// Describer calls so far, in every clone.
    var calls: Int {
        ((try? String(contentsOfFile: "\(base)/calls", encoding: .utf8)) ?? "").split(separator: "\n").count
    }

    /// A clone of the team's project: `decks` decks, the same bytes in every clone.
    func clone(_ name: String, decks: Int = 4) throws -> String {
        let project = "\(base)/\(name)"
        for i in 0..<decks {
            try fm.write(IncrementalTests.deck(variant: i, caption: "Caption number \(i)"), to: "\(project)/decks/d\(i).pptx")
        }
        return project
    }

    /// `build decks` in `project` with the counting describer, the remote
    /// cache at `url` (if any) and its own local cache whatever the environment says.
    func build(_ project: String, remote url: String?, _ extra: [String] = [],
               environment: [String: String] = [:]) throws -> BinaryRunner.Result {
        let remote = url.map { ["--remote-cache", $0] } ?? []
        return try BinaryRunner.run(["build", "decks", "--progress", "none", "--describer", "command",
                                     "--describer-command", "sh \(base)/describe.sh"] + remote + extra,
                                    in: project, environment: ["ALTBUILD_CACHE_DIR": ""].merging(environment) { $1 })
    }

    /// Every file under `folder`, by relative path, for comparing two clones' outputs byte for byte.
    func files(_ folder: String) -> [String: Data] {
        let paths = (try? fm.subpathsOfDirectory(atPath: folder)) ?? []
        var files: [String: Data] = [:]
        for path in paths where !isDirectory(folder + "/" + path) {
            files[path] = fm.contents(atPath: folder + "/" + path)
        }
        return files
    }

    func isDirectory(_ path: String) -> Bool {
        var directory: ObjCBool = false
        return fm.fileExists(atPath: path, isDirectory: &directory) && directory.boolValue
    }

    /// The remote cache's summary line of a build.
    func remoteLine(_ result: BinaryRunner.Result) -> String {
        result.stdout.split(separator: "\n").first { $0.hasPrefix("remote cache:") }.map(String.init) ?? "(none in: \(result.stdout))"
    }

    func warnings(_ result: BinaryRunner.Result, containing text: String) -> Int {
        result.stderr.split(separator: "\n").filter { $0.contains("warning") && $0.contains(text) }.count
    }

    @Test func aSecondCloneBuildsFromTheFirstsResultsWithNoDescriberCall() throws {
        let server = try NginxDAV()
        let first = try clone("first")
        let second = try clone("second")
        let made = try build(first, remote: server.url)
        #expect(made.status == 0, "\(made.stderr)")
        #expect(calls == 4)
        #expect(remoteLine(made).hasPrefix("remote cache: 0 hits, 8 misses, 8 uploads"), "4 decks and 4 descriptions: \(remoteLine(made))")
        #expect(server.stored("ac").count == 8)

        let reused = try build(second, remote: server.url)
        #expect(reused.status == 0, "\(reused.stderr)")
        #expect(calls == 4, "the second clone asked the describer")
        #expect(reused.stdout.contains("4 decks: 0 built, 4 restored from cache"), "\(reused.stdout)")
        #expect(remoteLine(reused).hasPrefix("remote cache: 4 hits, 0 misses, 0 uploads"), "\(remoteLine(reused))")
        #expect(!files("\(first)/build").isEmpty)
        #expect(files("\(first)/build") == files("\(second)/build"), "the decks differ")
        #expect(files("\(first)/alt-text") == files("\(second)/alt-text"), "the review files differ")
        #expect(reused.stderr.isEmpty, "\(reused.stderr)")
        // A restored result brought its manifest along: with the server gone, the second clone's graph is the first's.
        server.stop()
        let graphs = try [first, second].map { try BinaryRunner.run(["graph", "decks", "--format", "json"], in: $0).stdout }
        #expect(graphs[0].contains("\"slot\""), "\(graphs[0].prefix(300))")
        #expect(graphs[0] == graphs[1], "the second clone lacks the manifests")
    }

    @Test func onlySuccessesAreSent() throws {
        let server = try NginxDAV()
        let project = try clone("project", decks: 1)
        try fm.write(Array("not a deck at all".utf8), to: "\(project)/decks/broken.pptx")
        let result = try build(project, remote: server.url)
        #expect(result.status == 1, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("2 decks: 1 built, 0 restored from cache, 0 up to date, 1 failed"), "\(result.stdout)")
        #expect(remoteLine(result).contains(" 2 uploads"), "the good deck and its description: \(remoteLine(result))")
        #expect(server.stored("ac").count == 2)
    }

    @Test func aLocalHitMakesNoRequestAndTheRemoteIsNotPartOfTheKey() throws {
        let server = try NginxDAV()
        let project = try clone("project")
        #expect(try build(project, remote: server.url).status == 0)
        let requests = server.requests.count
        #expect(requests > 0)
        // Outputs gone: each deck is restored, from the local cache alone.
        try fm.removeItem(atPath: "\(project)/build")
        let restored = try build(project, remote: server.url)
        #expect(restored.stdout.contains("4 decks: 0 built, 4 restored from cache"), "\(restored.stdout)")
        #expect(server.requests.count == requests, "requests after a local hit: \(server.requests.dropFirst(requests).map(\.path))")
        // Without the remote, the same configuration: nothing to do.
        let without = try build(project, remote: nil)
        #expect(without.stdout.contains("4 decks: 0 built, 0 restored from cache, 4 up to date"), "\(without.stdout)")
    }

    @Test func aNewDeckReusesTheTeamsDescriptionsOfTheSamePictures() throws {
        let server = try NginxDAV()
        let first = try clone("first")
        #expect(try build(first, remote: server.url).status == 0)
        #expect(calls == 4)
        // Another deck (other bytes, so no target result to restore) with deck 2's title, picture and caption.
        let laptop = "\(base)/laptop"
        try fm.write(IncrementalTests.deck(variant: 77, caption: "Caption number 2", title: "Deck 2"), to: "\(laptop)/decks/new.pptx")
        let result = try build(laptop, remote: server.url)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("1 decks: 1 built"), "\(result.stdout)")
        #expect(calls == 4, "the description was not taken from the remote cache")
        let slots = try Deck(path: "\(laptop)/build/decks/new.pptx").inventory().slots.filter { $0.kind == .picture }
        #expect(slots.map(\.descr) == [Self.description])
    }

    @Test func stoppingTheServerMidBuildStillGivesASuccessfulBuild() throws {
        let server = try NginxDAV()
        let project = try clone("project", decks: 12)
        let build = try SpawnedBinary(["build", "decks", "-j", "1", "--progress", "none", "--describer", "command",
                                       "--describer-command", "sh \(base)/describe.sh", "--remote-cache", server.url],
                                      in: project, environment: ["DESCRIBE_DELAY": "0.2", "ALTBUILD_CACHE_DIR": ""])
        #expect(eventually { succeededRecords(project) >= 3 }, "three decks should finish")
        let sentBefore = server.requests.filter { $0.method == "PUT" }.count
        server.stop()
        let status = build.wait()
        #expect(status == 0, "\(build.stderr)")
        #expect(sentBefore > 0, "uploads ran during the build")
        #expect(build.stdout.contains("12 decks: 12 built"), "\(build.stdout)")
        #expect(build.stdout.contains("unusable since an outage"), "\(build.stdout)")
        let lines = build.stderr.split(separator: "\n")
        #expect(lines.count == 1 && lines[0].contains("warning") && lines[0].contains("is unusable"), "one warning: \(build.stderr)")
        #expect(calls == 12)
    }

    /// Issue 14's CI matrix: three jobs build a shard each, in clones of
    /// their own, and send their results; a final job with the remote cache
    /// and an empty local cache assembles every output with no describer
    /// call, the same bytes the shards wrote.
    @Test func threeShardsThenAnAssembleJobThatDescribesNothing() throws {
        let server = try NginxDAV()
        var shardOutputs: [String: Data] = [:]
        for k in 1...3 {
            let job = try clone("shard\(k)", decks: 9)
            let result = try build(job, remote: server.url, ["--shard", "\(k)/3"])
            #expect(result.status == 0, "\(result.stderr)")
            shardOutputs.merge(files("\(job)/build")) { first, _ in first }
        }
        #expect(calls == 9, "each deck described once, by the shard it fell in")
        #expect(shardOutputs.count == 9)
        let assemble = try clone("assemble", decks: 9)
        let result = try build(assemble, remote: server.url)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("9 decks: 0 built, 9 restored from cache"), "\(result.stdout)")
        #expect(calls == 9, "the assemble job asks no describer")
        #expect(files("\(assemble)/build") == shardOutputs)
    }

    @Test func aCorruptedRemoteObjectIsRejectedAndMended() throws {
        let server = try NginxDAV()
        let first = try clone("first", decks: 2)
        #expect(try build(first, remote: server.url).status == 0)
        #expect(calls == 2)
        let objects = server.stored("cas")
        #expect(!objects.isEmpty)
        for object in objects { try Data("not what the digest says".utf8).write(to: URL(fileURLWithPath: object)) }

        let second = try clone("second", decks: 2)
        let rejected = try build(second, remote: server.url)
        #expect(rejected.status == 0, "\(rejected.stderr)")
        #expect(warnings(rejected, containing: "does not match its digest") == 1, "\(rejected.stderr)")
        #expect(remoteLine(rejected).contains("downloads rejected"), "\(remoteLine(rejected))")
        // The decks' result records, recipes and manifests are refused and
        // the decks built again; their descriptions travel inside their
        // entries (ac/), which are whole, so no slot is described again.
        let described = calls
        #expect(described == 2, "descriptions come from the remote's entries")
        #expect(files("\(first)/build") == files("\(second)/build"))
        // The second clone sent the damaged objects again: a third finds them whole.
        let third = try clone("third", decks: 2)
        let mended = try build(third, remote: server.url)
        #expect(mended.stdout.contains("2 decks: 0 built, 2 restored from cache"), "\(mended.stdout)\(mended.stderr)")
        #expect(mended.stderr.isEmpty, "\(mended.stderr)")
        #expect(calls == described)
    }

    /// Entries are held to the local action cache's format: one that does
    /// not decode, or names another key, is a miss.
    @Test func aDamagedRemoteEntryIsAMiss() throws {
        let server = try NginxDAV()
        let first = try clone("first", decks: 2)
        #expect(try build(first, remote: server.url).status == 0)
        let entries = server.stored("ac")
        #expect(entries.count == 4)
        // One swapped for another's (valid JSON, the wrong key), the rest cut short.
        let swapped = try Data(contentsOf: URL(fileURLWithPath: entries[1]))
        try swapped.write(to: URL(fileURLWithPath: entries[0]))
        for entry in entries.dropFirst() { try Data(swapped.prefix(20)).write(to: URL(fileURLWithPath: entry)) }
        let second = try clone("second", decks: 2)
        let result = try build(second, remote: server.url)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(warnings(result, containing: "is not one this altbuild reads") == 1, "\(result.stderr)")
        #expect(remoteLine(result).contains("0 hits"), "\(remoteLine(result))")
        #expect(calls > 2)
        #expect(files("\(first)/build") == files("\(second)/build"))
    }

    @Test func noRemoteUploadSendsNothing() throws {
        let server = try NginxDAV()
        let project = try clone("fork")
        let result = try build(project, remote: server.url, ["--no-remote-upload"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(server.requests.contains { $0.method == "GET" }, "the remote is still read")
        #expect(server.requests.allSatisfy { $0.method == "GET" }, "\(server.requests.map { "\($0.method) \($0.path)" })")
        #expect(server.stored("cas").isEmpty && server.stored("ac").isEmpty)
        #expect(remoteLine(result).contains("0 uploads"), "\(remoteLine(result))")
    }

    /// The same settings from `altbuild.toml`, a flag over the file, and a URL that is not one.
    @Test func theRemoteIsConfiguredInTheProjectFile() throws {
        let server = try NginxDAV()
        let project = try clone("project")
        try "[remote]\ncache = \"\(server.url)/team/\"\nupload = false\n".write(toFile: "\(project)/altbuild.toml", atomically: true, encoding: .utf8)
        let readOnly = try build(project, remote: nil)
        #expect(readOnly.status == 0, "\(readOnly.stderr)")
        #expect(server.requests.contains { $0.method == "GET" && $0.path.hasPrefix("/team/ac/") })
        #expect(!server.requests.contains { $0.method == "PUT" })
        let forced = try build(project, remote: nil, ["--force", "--remote-upload"])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(server.stored("team/ac").count == 8)
        let wrong = try build(project, remote: "ftp://127.0.0.1/cache")
        #expect(wrong.status == 2, "\(wrong.stdout)\(wrong.stderr)")
        #expect(wrong.stderr.contains("expected an http:// or https:// URL"), "\(wrong.stderr)")
    }

    @Test func theAuthHeaderIsSentAndNeverShown() throws {
        let secret = "s3cret-token-4242"
        let server = try NginxDAV(authorization: "Bearer \(secret)")
        let first = try clone("first")
        let made = try build(first, remote: server.url, environment: ["ALTBUILD_REMOTE_HEADER": "Authorization: Bearer \(secret)"])
        #expect(made.status == 0, "\(made.stderr)")
        #expect(server.requests.contains { $0.method == "PUT" && $0.status == 201 })
        #expect(!server.requests.contains { $0.status == 401 })
        // Another variable, named in the settings, and a wrong secret: refused, one warning, a good build.
        let wrong = "wrong-secret-9"
        let second = try clone("second")
        let refused = try build(second, remote: server.url, ["--remote-header-env", "TEAM_CACHE_AUTH"],
                                environment: ["TEAM_CACHE_AUTH": "Authorization: Bearer \(wrong)"])
        #expect(refused.status == 0, "\(refused.stderr)")
        #expect(warnings(refused, containing: "HTTP 401") == 1, "\(refused.stderr)")
        #expect(server.requests.contains { $0.status == 401 })
        // A variable that is not a header stops the build before it starts.
        let malformed = try build(second, remote: server.url, environment: ["ALTBUILD_REMOTE_HEADER": "Bearer \(wrong)"])
        #expect(malformed.status == 2, "\(malformed.stdout)\(malformed.stderr)")
        #expect(malformed.stderr.contains("ALTBUILD_REMOTE_HEADER"), "\(malformed.stderr)")
        for result in [made, refused, malformed] {
            #expect(!(result.stdout + result.stderr).contains(secret) && !(result.stdout + result.stderr).contains(wrong))
        }
        for project in [first, second] {
            let logs = (try? fm.contentsOfDirectory(atPath: "\(project)/.altbuild/logs")) ?? []
            #expect(!logs.isEmpty)
            for log in logs {
                let text = (try? String(contentsOfFile: "\(project)/.altbuild/logs/\(log)", encoding: .utf8)) ?? ""
                #expect(!text.contains(secret) && !text.contains(wrong), "\(log) shows the header")
            }
        }
    }

    /// A server that accepts connections and never answers: the first
    /// request waits out `--remote-timeout`, and no other is made.
    @Test func aServerThatNeverAnswersCostsOneRequest() throws {
        let hung = try CanaryListener()
        let project = try clone("project")
        let result = try build(project, remote: "http://127.0.0.1:\(hung.port)", ["-j", "1", "--remote-timeout", "1s"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("4 decks: 4 built"), "\(result.stdout)")
        #expect(warnings(result, containing: "is unusable") == 1, "\(result.stderr)")
        #expect(hung.connections() == 1)
    }
}
