import Testing
import Foundation
import AltbuildSupport
@testable import BuildEngine

/// A build killed with SIGKILL mid-way, on the built binary: every deck its
/// state records has its objects, its action entry and its output on disk.
@Suite(.serialized) struct KilledBuildStateTests {
    let project = Fixtures.temporaryDirectory()
    let fm = FileManager.default

    @Test func aKilledBuildRecordsOnlyDecksWhoseDataIsOnDisk() throws {
        let describer = "\(project)/quick.sh"
        try "#!/bin/sh\ncat > /dev/null\nsleep 0.1\necho \"A quick description\"\n".write(toFile: describer, atomically: true, encoding: .utf8)
        for i in 0..<24 {
            try fm.write(IncrementalTests.deck(variant: i, caption: "Caption \(i)"), to: "\(project)/decks/d\(String(format: "%03d", i)).pptx")
        }
        let build = try SpawnedBinary(["build", "decks", "-j", "2", "--describer", "command", "--describer-command", "sh \(describer)"],
                                      in: project)
        #expect(eventually { succeededRecords(project) >= 6 })
        build.signal(SIGKILL)
        #expect(build.wait() == 128 + SIGKILL)

        let records = StateLog(path: "\(project)/.altbuild/state.log").records.values.filter { $0.status == .succeeded }
        #expect(records.count >= 6 && records.count < 24, "\(records.count)")
        let store = ContentStore(root: "\(project)/.altbuild/cache")
        let actions = ActionCache(root: "\(project)/.altbuild/cache")
        for record in records {
            let output = try #require(record.outputDigest)
            #expect(store.get(try #require(record.manifestDigest)) != nil, "\(record.target): its manifest is missing")
            let result = actions.lookup(BuildExecutor.resultNamespace, record.key).flatMap(store.get).flatMap(TargetResult.decode)
            #expect(result != nil, "\(record.target): its action entry or result is missing")
            // The cache keeps the recipe the output is made again from, not the output itself.
            #expect(result?.recipe.flatMap(store.get) != nil, "\(record.target): its recipe object is missing")
            #expect(SHA256.hash(try FileIO.read("\(project)/\(record.outputPath)")) == output, "\(record.target): its output")
        }
    }
}
