import Testing
import Foundation
@testable import BuildEngine
import AltbuildSupport

/// What discovery walks into and where outputs may land, through the built
/// binary: symbolic-link loops, pipes, folders named like decks, `..` paths
/// and links planted in the output folder.
@Suite(.serialized) struct FileSystemSafetyTests {
    let project = Fixtures.temporaryDirectory()
    let fm = FileManager.default

    func outputs(_ folder: String = "build") -> [String] {
        let all = fm.enumerator(atPath: "\(project)/\(folder)")?.allObjects as? [String] ?? []
        return all.filter { $0.hasSuffix(".pptx") && !FileIO.isDirectory("\(project)/\(folder)/\($0)") }.sorted()
    }

    @Test func aSymlinkLoopIsNotFollowedAndEachDeckIsBuiltOnce() throws {
        try fm.write(IncrementalTests.deck(variant: 1), to: "\(project)/deck.pptx")
        try fm.createDirectory(atPath: "\(project)/a/b", withIntermediateDirectories: true)
        try fm.createSymbolicLink(atPath: "\(project)/a/loop", withDestinationPath: "..")
        try fm.createSymbolicLink(atPath: "\(project)/a/b/up", withDestinationPath: "../..")
        let build = try BinaryRunner.run(["build", "--progress", "none"], in: project)
        #expect(build.status == 0, "\(build.stderr)")
        #expect(build.stdout.hasPrefix("1 decks: 1 built"), "\(build.stdout)")
        #expect(outputs() == ["deck.pptx"])
    }

    @Test func aSymlinkedDeckIsReadThroughItsLinkAndWrittenAsAFile() throws {
        try fm.write(IncrementalTests.deck(variant: 2), to: "\(project)/real/deck.pptx")
        try fm.createDirectory(atPath: "\(project)/decks", withIntermediateDirectories: true)
        try fm.createSymbolicLink(atPath: "\(project)/decks/linked.pptx", withDestinationPath: "../real/deck.pptx")
        let build = try BinaryRunner.run(["build", "decks", "--progress", "none"], in: project)
        #expect(build.status == 0, "\(build.stderr)")
        let output = "\(project)/build/decks/linked.pptx"
        #expect(try fm.attributesOfItem(atPath: output)[.type] as? FileAttributeType == .typeRegular)
    }

    @Test func pipesAreNeverInputsAndFoldersNamedLikeDecksAreWalked() throws {
        try fm.write(IncrementalTests.deck(variant: 3), to: "\(project)/decks/odd.pptx/inner.pptx")
        #expect(mkfifo("\(project)/decks/pipe.pptx", 0o644) == 0)
        let build = try BinaryRunner.run(["build", "decks", "--progress", "none", "--timeout", "20s"], in: project)
        #expect(build.status == 0, "reading the pipe would hang or fail: \(build.stderr)")
        #expect(outputs() == ["decks/odd.pptx/inner.pptx"])
        let named = try BinaryRunner.run(["build", "decks/pipe.pptx"], in: project)
        #expect(named.status == 1)
        #expect(named.stderr.contains("decks/pipe.pptx: E_IO: not a regular file or folder"), "\(named.stderr)")
    }

    @Test func outputsOfPathsWithDotDotStayInTheOutputFolder() throws {
        try fm.write(IncrementalTests.deck(variant: 4), to: "\(project)/decks/deck.pptx")
        try fm.createDirectory(atPath: "\(project)/work", withIntermediateDirectories: true)
        let build = try BinaryRunner.run(["build", "../decks/deck.pptx", "../decks/../decks", "--progress", "none"], in: "\(project)/work")
        #expect(build.status == 0, "\(build.stderr)")
        #expect(outputs("work/build") == ["decks/deck.pptx"])
        #expect(!fm.fileExists(atPath: "\(project)/decks/build"))
        #expect(try fm.contentsOfDirectory(atPath: "\(project)/decks") == ["deck.pptx"], "nothing written beside the input")

        // Another deck that would land on the same output is an error, not a silent overwrite.
        try fm.write(IncrementalTests.deck(variant: 7), to: "\(project)/work/decks/deck.pptx")
        let clash = try BinaryRunner.run(["build", "../decks", "decks"], in: "\(project)/work")
        #expect(clash.status == 1)
        #expect(clash.stderr.contains("../decks/deck.pptx and decks/deck.pptx would both be written to decks/deck.pptx"), "\(clash.stderr)")
    }

    @Test func aSymlinkPlantedInTheOutputFolderIsRefused() throws {
        try fm.write(IncrementalTests.deck(variant: 5), to: "\(project)/decks/deck.pptx")
        let elsewhere = Fixtures.temporaryDirectory()
        try fm.createDirectory(atPath: "\(project)/build", withIntermediateDirectories: true)
        try fm.createSymbolicLink(atPath: "\(project)/build/decks", withDestinationPath: elsewhere)
        let build = try BinaryRunner.run(["build", "decks", "--progress", "none"], in: project)
        #expect(build.status == 1)
        #expect(build.stderr.contains("E_WRITE: build/decks is a symbolic link; altbuild writes only inside build"), "\(build.stderr)")
        #expect(try fm.contentsOfDirectory(atPath: elsewhere).isEmpty, "nothing was written through the link")
    }

    @Test func inPlaceBuildsLeaveSymlinkedDecksAlone() throws {
        let target = "\(project)/real.pptx"
        try fm.write(IncrementalTests.deck(variant: 6), to: target)
        let before = try Data(contentsOf: URL(fileURLWithPath: target))
        try fm.createDirectory(atPath: "\(project)/decks", withIntermediateDirectories: true)
        try fm.createSymbolicLink(atPath: "\(project)/decks/linked.pptx", withDestinationPath: "../real.pptx")
        let build = try BinaryRunner.run(["build", "decks", "--in-place", "--progress", "none", "--fallback", "context"], in: project)
        #expect(build.status == 1)
        #expect(build.stderr.contains("the input is a symbolic link; in-place builds write only regular files"), "\(build.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: target)) == before)
        #expect(try fm.destinationOfSymbolicLink(atPath: "\(project)/decks/linked.pptx") == "../real.pptx")
    }

    @Test func theConfinementCheckRefusesPathsOutsideItsRoot() throws {
        let confinement = OutputConfinement(root: "build")
        #expect(throws: Never.self) { try confinement.check("build/a/b.pptx") }
        #expect(throws: (any Error).self) { try confinement.check("elsewhere/b.pptx") }
        #expect(throws: (any Error).self) { try confinement.check("build/../b.pptx") }
        #expect(throws: (any Error).self) { try confinement.check("buildx/b.pptx") }
    }
}
