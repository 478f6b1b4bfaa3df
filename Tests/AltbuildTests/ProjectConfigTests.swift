import Testing
import Foundation
import AltbuildSupport
@testable import OOXML

/// `altbuild.toml`, `altbuild config` and `altbuild init`, on the built
/// binary: precedence, every kind of error, and a project that needs no
/// flags at all.
@Suite(.serialized) struct ProjectConfigTests {
    let project: String
    let fm = FileManager.default

    init() throws {
        project = Fixtures.temporaryDirectory()
        try fm.write(IncrementalTests.deck(variant: 1), to: "\(project)/decks/a.pptx")
    }

    func run(_ arguments: String..., in directory: String? = nil) throws -> BinaryRunner.Result {
        try BinaryRunner.run(arguments, in: directory ?? project)
    }

    func config(_ text: String) throws {
        try fm.write(Array(text.utf8), to: "\(project)/altbuild.toml")
    }

    /// The line `config` prints for `key` in `section`.
    func line(_ output: String, _ section: String, _ key: String) -> String? {
        var current = ""
        for line in output.split(separator: "\n").map(String.init) {
            if line.hasPrefix("[") { current = line }
            else if current == "[\(section)]" && line.hasPrefix(key + " = ") { return line }
        }
        return nil
    }

    @Test func flagsOverTheFileOverTheDefaults() throws {
        try config("""
            # a comment
            [build]
            out-dir = "accessible"
            jobs = 3

            [policy]
            fallback = "context"
            """)
        let shown = try run("config", "--jobs", "1")
        #expect(shown.status == 0, "\(shown.stderr)")
        #expect(shown.stdout.hasPrefix("# \(project)/altbuild.toml"), "\(shown.stdout)")
        #expect(line(shown.stdout, "build", "out-dir")?.hasSuffix("# altbuild.toml:3") == true, "\(shown.stdout)")
        #expect(line(shown.stdout, "build", "out-dir")?.hasPrefix("out-dir = \"accessible\"") == true)
        #expect(line(shown.stdout, "build", "jobs")?.hasPrefix("jobs = 1") == true && line(shown.stdout, "build", "jobs")?.hasSuffix("# flag --jobs") == true)
        #expect(line(shown.stdout, "policy", "fallback")?.hasSuffix("# altbuild.toml:7") == true)
        #expect(line(shown.stdout, "describer", "name")?.hasSuffix("# default") == true)
        #expect(line(shown.stdout, "describer", "name")?.hasPrefix("name = \"builtin\"") == true)

        // The file's settings reach the build: the output folder and the key.
        let build = try run("build")
        #expect(build.status == 0, "\(build.stderr)")
        #expect(fm.fileExists(atPath: "\(project)/accessible/decks/a.pptx"))
        #expect(try Deck(path: "\(project)/accessible/decks/a.pptx").inventory().slots.first?.descr?.hasPrefix("Picture captioned") == true)
        let flag = try run("explain", "decks/a.pptx", "--fallback", "none")
        #expect(flag.stdout.contains("config policy.fallback changed (context → none)"), "\(flag.stdout)")
        #expect(try run("status").status == 0, "the file's settings give the same keys")
    }

    @Test func everyBadSettingNamesTheFileLineKeyValueAndChoices() throws {
        let cases: [(String, String)] = [
            ("[build]\nout-dir = \"b\"\n[polcy]\nfallback = \"none\"\n",
             "altbuild.toml:3: [polcy]: unknown section; valid sections: [build], [describer], [policy], [review], [limits], [remote]"),
            ("[policy]\n\nfallbak = \"context\"\n",
             "altbuild.toml:3: [policy] fallbak: unknown key; valid keys in [policy]: replace-automatic, overwrite, decorative-below, decorative, fallback, long-descriptions"),
            ("[policy]\nfallback = \"always\"\n",
             "altbuild.toml:2: [policy] fallback = \"always\": expected one of none, context"),
            ("[build]\njobs = \"many\"\n",
             "altbuild.toml:2: [build] jobs = \"many\": expected a whole number of at least 0"),
            ("[policy]\ndecorative-below = 150\n",
             "altbuild.toml:2: [policy] decorative-below = 150: expected a number from 0 to 100"),
            ("[limits]\nworker-memory = \"16M\"\n",
             "altbuild.toml:2: [limits] worker-memory = \"16M\": expected a size like 512M or 4G (at least 128M), or 0 for none"),
            ("[review]\nallow = [\"generated\", \"everything\"]\n",
             "altbuild.toml:2: [review] allow = [\"generated\", \"everything\"]: expected a list of: generated, needs-review, placeholder, missing"),
            ("[build]\ntimeout = \"soon\"\n",
             "altbuild.toml:2: [build] timeout = \"soon\": expected a duration like 90, 30s, 10m or 1h"),
            ("out-dir = \"b\"\n",
             "altbuild.toml:1: out-dir: settings go in sections; valid sections: [build], [describer], [policy], [review], [limits], [remote]"),
            ("[build]\nout-dir = \n",
             "altbuild.toml:2: not valid TOML: "),
        ]
        for (text, message) in cases {
            try config(text)
            for command in [["build"], ["status"], ["config"], ["check"]] {
                let result = try BinaryRunner.run(command, in: project)
                #expect(result.status == 2, "\(command) with \(text)")
                #expect(result.stderr.hasPrefix("error: \(project)/" + message), "\(command): \(result.stderr)")
            }
        }
        // A flag's bad value gets the same words, naming the flag.
        try config("")
        let flag = try run("build", "--fallback", "always")
        #expect(flag.status == 2 && flag.stderr.hasPrefix("error: --fallback always: expected one of none, context"), "\(flag.stderr)")
    }

    @Test func initThenEveryCommandNeedsNoFlags() throws {
        let git = Process()
        git.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        git.arguments = ["git", "init", "-q", project]
        try git.run()
        git.waitUntilExit()
        let initialised = try run("init")
        #expect(initialised.status == 0, "\(initialised.stderr)")
        #expect(initialised.stdout.contains("wrote altbuild.toml") && initialised.stdout.contains("added .altbuild/ to .gitignore"))
        #expect(initialised.stdout.contains("altbuild-check") && initialised.stdout.contains("altbuild check --junit"), "the pre-commit and CI snippets")
        #expect(String(decoding: try FileIO.read("\(project)/.gitignore"), as: UTF8.self) == ".altbuild/\n")
        #expect(try run("init").status == 1, "an existing file is not replaced")
        #expect(try run("init", "--force").stdout.contains(".gitignore already ignores .altbuild/"))

        // Every key is in the file at its default: config says so line by line.
        let shown = try run("config").stdout
        let settings = shown.split(separator: "\n").filter { $0.contains(" = ") }
        #expect(settings.count > 30 && settings.allSatisfy { $0.contains("# altbuild.toml:") }, "\(shown)")

        // In place, as a pre-commit hook uses it: no command needs the flag again.
        var text = String(decoding: try FileIO.read("\(project)/altbuild.toml"), as: UTF8.self)
        text = text.replacingOccurrences(of: "in-place = false", with: "in-place = true")
        try fm.write(Array(text.utf8), to: "\(project)/altbuild.toml")
        let build = try run("build")
        #expect(build.status == 0, "\(build.stderr)")
        let status = try run("status")
        #expect(status.status == 0, "\(status.stdout)")
        let check = try run("check")
        #expect(check.status == 1 && check.stdout.contains("decks/a.pptx:slide 1: shape \"Picture 1\" (picture): needs-review"), "\(check.stdout)")
        #expect(String(decoding: try FileIO.read("\(project)/.altbuild/.gitignore"), as: UTF8.self).hasSuffix("*\n"))
    }

    @Test func aSubfolderIsPartOfTheProjectAboveIt() throws {
        try config("[build]\npaths = [\"decks\"]\n")
        try fm.createDirectory(atPath: "\(project)/decks/inner", withIntermediateDirectories: true)
        let build = try run("build", in: "\(project)/decks/inner")
        #expect(build.status == 0 && build.stdout.contains("1 decks: 1 built"), "\(build.stdout)\(build.stderr)")
        #expect(fm.fileExists(atPath: "\(project)/build/decks/a.pptx") && fm.fileExists(atPath: "\(project)/.altbuild"))
        #expect(!fm.fileExists(atPath: "\(project)/decks/inner/.altbuild"))
        // Paths on the command line are the current folder's.
        let named = try run("status", "../a.pptx", in: "\(project)/decks/inner")
        #expect(named.status == 0 && named.stdout.contains("up to date  decks/a.pptx"), "\(named.stdout)\(named.stderr)")
        let inspect = try run("inspect", "../a.pptx", in: "\(project)/decks/inner")
        #expect(inspect.status == 0 && inspect.stdout.contains("review states from alt-text/decks/a.pptx.json"), "\(inspect.stdout)\(inspect.stderr)")
    }

    /// Where stdout and stderr go to one file, as in CI logs, no line splices.
    /// Good and bad decks alternate, so errors are written all through the
    /// build, between progress lines; every line must be one whole line.
    @Test func combinedOutputHasOnlyWholeLines() throws {
        for i in 0..<60 {
            let name = String(format: "%02d", i)
            try fm.write(IncrementalTests.deck(variant: i, caption: "A caption long enough to fill the line \(i)"), to: "\(project)/many/d\(name)-good.pptx")
            try fm.write(Array("not a deck \(i)".utf8), to: "\(project)/many/d\(name)-poor.pptx")
        }
        let log = project + "/combined.log"
        fm.createFile(atPath: log, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: BinaryRunner.binary)
        process.arguments = ["build", "many", "--progress", "plain", "-j", "1"]
        process.currentDirectoryURL = URL(fileURLWithPath: project)
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        process.waitUntilExit()
        try handle.close()
        let lines = String(decoding: try FileIO.read(log), as: UTF8.self).split(separator: "\n").map(String.init)
        #expect(lines.count >= 180, "\(lines.count)")
        let whole = lines.filter { line in
            let words = line.split(separator: " ")
            if line.hasPrefix("[") {
                // [12/120] built many/d05-good.pptx -> build/many/d05-good.pptx: 1 slots, …
                // [13/120] failed many/d06-poor.pptx (E_NOT_ZIP; details on stderr and in the build log)
                return words.count >= 3 && (words[1] == "built" || words[1] == "failed")
                    && words[2].hasPrefix("many/d") && line.filter { $0 == "[" }.count == 1
                    && (line.hasSuffix("left for a person to describe") || line.hasSuffix("kept") || line.hasSuffix("the build log)"))
            }
            if line.hasPrefix("error: many/d") { return line.contains("-poor.pptx: E_NOT_ZIP: ") && !line.contains("[") }
            return line.hasPrefix("120 decks: ")
        }
        #expect(whole.count == lines.count, "spliced: \(lines.filter { !whole.contains($0) }.prefix(3))")
    }
}
