import Testing
import Foundation
@testable import BuildEngine

/// `--shard K/N` on the built binary: the shards of a CI matrix together
/// build every deck once, leave each other's outputs and state alone, keep
/// every deck in its shard when others come and go, and refuse a bad K/N.
@Suite(.serialized) struct ShardTests {
    let project: String
    let fm = FileManager.default

    init() throws {
        project = Fixtures.temporaryDirectory()
        try decks(0..<20)
    }

    /// Decks with a caption each, so each needs its own description.
    func decks(_ numbers: Range<Int>, folder: String = "decks") throws {
        for i in numbers {
            try fm.write(IncrementalTests.deck(variant: i, caption: "Caption number \(i)"), to: "\(project)/\(folder)/d\(String(format: "%03d", i)).pptx")
        }
    }

    func run(_ arguments: String...) throws -> BinaryRunner.Result {
        try BinaryRunner.run(arguments, in: project)
    }

    /// The decks `status --shard` lists for each shard, by path relative to the project.
    func membership(_ count: Int, root: String = "decks") throws -> [Set<String>] {
        try (1...count).map { index in
            let status = try run("status", root, "--shard", "\(index)/\(count)")
            #expect(status.status == 0 || status.status == 1, "\(status.stderr)")
            return Set(status.stdout.split(separator: "\n").compactMap { line -> String? in
                guard let range = line.range(of: "decks/") else { return nil }
                return String(line[range.lowerBound...].prefix { $0 != ":" })
            })
        }
    }

    @Test func threeShardsBuildEveryDeckOnceAndKeepEachOthersWork() throws {
        var built: [Set<String>] = []
        for index in 1...3 {
            let shard = try run("build", "decks", "--shard", "\(index)/3", "--progress", "plain")
            #expect(shard.status == 0, "\(shard.stderr)")
            let decks = Set(shard.stdout.split(separator: "\n").compactMap { line -> String? in
                guard let range = line.range(of: "] built ") else { return nil }
                return String(line[range.upperBound...].prefix { $0 != " " })
            })
            #expect(shard.stdout.contains("shard \(index)/3: \(decks.count) of 20 decks: \(decks.count) built, 0 restored from cache, 0 up to date, 0 failed"),
                    "\(shard.stdout)")
            built.append(decks)
        }
        let all = Set((0..<20).map { "decks/d\(String(format: "%03d", $0)).pptx" })
        #expect(built[0].union(built[1]).union(built[2]) == all)
        #expect(built.map(\.count).reduce(0, +) == 20, "each deck in exactly one shard: \(built)")
        #expect(built.allSatisfy { !$0.isEmpty }, "20 decks in 3 shards leave none empty: \(built.map(\.count))")
        // The other shards' outputs and records are all still there: the whole build has nothing to do.
        let whole = try run("build", "decks")
        #expect(whole.stdout.contains("20 decks: 0 built, 0 restored from cache, 20 up to date, 0 failed"), "\(whole.stdout)")
        #expect(try membership(3) == built, "status --shard lists what build --shard built")
    }

    @Test func addingAndRemovingDecksMovesNoOtherDeck() throws {
        let before = try membership(3)
        try decks(20..<27)
        try decks(0..<3, folder: "decks/new")
        for gone in ["decks/d004.pptx", "decks/d011.pptx"] { try fm.removeItem(atPath: "\(project)/\(gone)") }
        let after = try membership(3)
        for index in 0..<3 {
            let kept = before[index].subtracting(["decks/d004.pptx", "decks/d011.pptx"])
            #expect(after[index].intersection(before.reduce(Set(), { $0.union($1) })) == kept, "shard \(index + 1) changed")
        }
        #expect(after.map(\.count).reduce(0, +) == 28 && after[0].union(after[1]).union(after[2]).count == 28)
        // The same partition from an absolute path: the key is the path in the project.
        #expect(try membership(3, root: "\(project)/decks") == after)
        #expect(try membership(3, root: "./decks/") == after)
    }

    @Test func aBadShardIsAUsageError() throws {
        for bad in ["0/3", "4/3", "1/0", "-1/3", "a/b", "3", "1/3/5", ""] {
            for command in ["build", "status", "check"] {
                let result = try run(command, "decks", "--shard=\(bad)")
                #expect(result.status == 2, "\(command) --shard \(bad): \(result.status) \(result.stderr)")
                // An empty value is a missing one, which the parser names itself.
                #expect(result.stderr.contains(bad.isEmpty ? "Missing value for '--shard" : "--shard \(bad):"), "\(result.stderr)")
            }
        }
        #expect(!fm.fileExists(atPath: "\(project)/build"), "nothing was built")
        #expect(!fm.fileExists(atPath: "\(project)/.altbuild/state.log"))
    }

    @Test func checkWithAShardGatesOnlyItsOwnDecks() throws {
        #expect(try run("build", "decks", "--shard", "2/3").status == 0)
        // The builtin describer leaves pictures known only by their caption for a person: allowed here.
        let own = try run("check", "decks", "--shard", "2/3", "--allow", "needs-review")
        #expect(own.status == 0, "\(own.stdout)\(own.stderr)")
        let whole = try run("check", "decks", "--allow", "needs-review")
        #expect(whole.status == 1 && whole.stdout.contains("run altbuild build"), "the other shards' decks are not built here")
    }
}

/// The partition itself: a pure function of the key, balanced, and moving
/// only what a new shard takes when a matrix grows.
@Suite struct ShardPartitionTests {
    let keys = (0..<3000).map { "talks/\($0 % 7)/deck-\($0).pptx" }

    @Test func growingAMatrixMovesDecksOnlyIntoTheNewShard() {
        for count in 1...8 {
            for key in keys {
                let before = Shard.place(of: key, among: count), after = Shard.place(of: key, among: count + 1)
                #expect(after == before || after == count + 1, "\(key) moved from \(before) to \(after) of \(count + 1)")
            }
        }
    }

    @Test func shardsAreBalanced() {
        for count in [2, 3, 5, 10] {
            var sizes = Array(repeating: 0, count: count)
            for key in keys { sizes[Shard.place(of: key, among: count) - 1] += 1 }
            let fair = keys.count / count
            #expect(sizes.allSatisfy { abs($0 - fair) < fair / 5 }, "\(count) shards: \(sizes)")
        }
    }

    @Test func parsing() throws {
        #expect(try Shard(parsing: "2/3") == Shard(parsing: "2/3"))
        #expect(try Shard(parsing: "1/1").contains(key: "anything"))
        #expect(throws: ShardError.self) { try Shard(parsing: "3/2") }
        #expect(throws: ShardError.self) { try Shard(parsing: "0/1") }
        #expect(throws: ShardError.self) { try Shard(parsing: "1 /2") }
    }

    @Test func theKeyIsThePathInTheProject() throws {
        let root = Fixtures.temporaryDirectory()
        let real = URL(fileURLWithPath: root).resolvingSymlinksInPath().path
        #expect(ShardKey.key(for: "\(real)/decks/a.pptx", root: real) == "decks/a.pptx")
        #expect(ShardKey.key(for: "./decks//a.pptx", root: real) == "decks/a.pptx")
        #expect(ShardKey.key(for: "../other/a.pptx", root: real) == "../other/a.pptx")
        // Through a link to the project's folder.
        try FileManager.default.createDirectory(atPath: "\(real)/decks", withIntermediateDirectories: true)
        let link = Fixtures.temporaryDirectory() + "/link"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: real)
        #expect(ShardKey.key(for: "\(link)/decks/a.pptx", root: real) == "decks/a.pptx")
    }
}
