import Testing
import Foundation
import CZip
#if canImport(Glibc)
import Glibc
#endif

/// The hostile corpus (issue 8): decks an attacker or a broken tool could hand
/// altbuild, built in one batch by the real binary. Each deck must get exactly
/// its expected outcome, and none may crash a worker, time out, hang the build,
/// reach the network or grow the parent's memory: the batch goes on.
///
/// The decks come from `scripts/hostile_corpus.py`, so every byte is
/// generated, reviewable and reproducible, and `expected.json` says what each
/// must get and why. The file-system cases (links, a FIFO, a folder named like
/// a deck, a deck deleted mid-build, an unreadable deck) are made here because
/// they are not bytes.
@Suite(.serialized) struct HostileCorpusTests {
    /// The build gets this long before it counts as hung and is killed; a whole
    /// run takes well under 20 s.
    static let buildDeadline = 45.0
    /// The parent's peak resident memory must stay under 150 MB: it never
    /// holds a deck's parsed contents, whatever the deck.
    static let peakRSSLimitKiB = 150_000_000 / 1024

    @Test func everyHostileDeckGetsItsOutcomeAndTheBatchGoesOn() throws {
        let started = Date()
        var report = CorpusReport()
        let root = Fixtures.temporaryDirectory()
        let project = root + "/project"
        let outside = root + "/outside"
        let canary = try CanaryListener()

        try HelperProgram.run(["python3", Self.repositoryRoot + "/scripts/hostile_corpus.py", project + "/hostile",
                      "--canary-port", String(canary.port)])
        var cases = try JSONDecoder().decode([HostileCase].self, from: Data(contentsOf: URL(fileURLWithPath: project + "/hostile/expected.json")))
            .map { HostileCase(file: "hostile/" + $0.file, expect: $0.expect, why: $0.why) }
        let valid = try [UInt8](Data(contentsOf: URL(fileURLWithPath: project + "/hostile/valid.pptx")))
        let user = BuildUser.choose()
        cases += try FileSystemCases.make(project: project, outside: outside, valid: valid, user: user)

        let deadline = Date().addingTimeInterval(Self.buildDeadline)
        let build = try SpawnedBinary(["build", "fs", "hostile", "late", "--progress", "none", "-j", "2", "--timeout", "60s",
                                       // The picture's caption is written, so every valid deck's output shows its slot was reached.
                                       "--fallback", "context"],
                                      in: project, environment: ["ALTBUILD_CACHE_DIR": project + "/.altbuild/cache"],
                                      launcher: user.launcher)
        // Deleted once the first deck has finished: the build has found and
        // hashed every input by then, and late/ sorts after everything else.
        if eventually(timeout: deadline.timeIntervalSinceNow, { BuildLogFile.text(project).contains(#""event": "deck""#) }) {
            if BuildLogFile.text(project).contains(#""event": "end""#) {
                report.fail("late/deleted.pptx: the build ended before the deck could be deleted mid-build")
            }
            try FileManager.default.removeItem(atPath: project + "/" + FileSystemCases.deleted)
        }
        let ended = eventually(timeout: deadline.timeIntervalSinceNow) { BuildLogFile.text(project).contains(#""event": "end""#) }
        let waits = ended ? [] : waitChannels(build.pid)
        let status = build.wait(timeout: 5)
        if !ended {
            let fifo = waits.contains("wait_for_partner") || waits.contains("fifo_open") ? " (one is opening a FIFO)" : ""
            report.fail("the build hung: no end after \(Int(Self.buildDeadline)) s, so it was killed; its threads were waiting in \(waits.sorted())\(fifo)")
        } else if status != 1 {
            report.fail("the build exited \(status), not 1 (some decks failed, the rest were built); stderr ends: "
                        + build.stderr.split(separator: "\n").suffix(5).joined(separator: "\n"))
        }

        let log = try BuildLogFile.objects(project)
        let lines = Dictionary(log.filter { $0["event"] == "deck" }.compactMap { object in
            object["deck"].map { ($0, DeckLine(object)) }
        }, uniquingKeysWith: { first, _ in first })
        let expectedDecks = Set(cases.map(\.file))
        let unexpected = lines.keys.sorted().filter { !expectedDecks.contains($0) }
        if !unexpected.isEmpty {
            report.fail("\(unexpected.count) decks were built or failed that are not expected inputs (followed folder links, "
                        + "non-regular files): \(unexpected.prefix(3).joined(separator: ", "))\(unexpected.count > 3 ? ", ..." : "")")
        }
        for line in lines.values where line.code == "E_WORKER_CRASHED" || line.code == "E_TIMEOUT" {
            report.fail("\(line.deck): \(line.summary): no hostile deck may crash a worker or run out of time")
        }
        let messages = build.stderr.split(separator: "\n").map(String.init) + BuildLogFile.text(project).split(separator: "\n").map(String.init)
        for hostile in cases {
            if let problem = hostile.verdict(lines[hostile.file]) {
                report.fail(problem)
                continue
            }
            for problem in try hostile.outputProblems(project: project, messages: messages) { report.fail(problem) }
        }
        for problem in try FileSystemCases.outputProblems(project: project, outside: outside, valid: valid) { report.fail(problem) }

        if let end = log.last(where: { $0["event"] == "end" }) {
            let peak = Int(end["peak_rss_kib"] ?? "") ?? Int.max
            if peak >= Self.peakRSSLimitKiB { report.fail("the parent's peak RSS was \(peak) KiB, over \(Self.peakRSSLimitKiB) KiB (150 MB)") }
        }
        let connections = canary.connections()
        if connections > 0 {
            report.fail("\(connections) connection(s) reached the canary port \(canary.port): something fetched a URL from a deck")
        }

        print("hostile corpus: \(cases.count) cases, \(lines.count) deck outcomes, \(report.failures) problems, "
              + "\(String(format: "%.1f", Date().timeIntervalSince(started))) s; build user: \(user.name)")
        if report.failures == 0 {
            try FileManager.default.removeItem(atPath: root)
        } else {
            print("hostile corpus: kept \(root) for inspection")
        }
    }

    /// The checker itself must be able to fail: a wrong code, a wrong status
    /// and a missing deck each give a message naming the deck, the expected
    /// and the actual outcome.
    @Test func aWrongOutcomeIsReportedWithTheDeckTheExpectedAndTheActual() {
        let badCRC = HostileCase(file: "hostile/bad-crc.pptx", expect: ExpectedOutcome(code: "E_ZIP_CORRUPT"), why: "damaged bytes")
        let built = DeckLine(["deck": "hostile/bad-crc.pptx", "status": "built"])
        let message = badCRC.verdict(built) ?? ""
        #expect(message.contains("hostile/bad-crc.pptx") && message.contains("expected E_ZIP_CORRUPT") && message.contains("got built"), "\(message)")

        let truncated = DeckLine(["deck": "hostile/bad-crc.pptx", "status": "failed", "code": "E_ZIP_TRUNCATED", "error": "cut short"])
        let wrongCode = badCRC.verdict(truncated) ?? ""
        #expect(wrongCode.contains("expected E_ZIP_CORRUPT") && wrongCode.contains("got E_ZIP_TRUNCATED: cut short"), "\(wrongCode)")
        #expect(badCRC.verdict(nil)?.contains("missing from the log") == true)
        #expect(badCRC.verdict(DeckLine(["deck": "hostile/bad-crc.pptx", "status": "failed", "code": "E_ZIP_CORRUPT"])) == nil)

        let shouldBuild = HostileCase(file: "hostile/utf16-slide.pptx", expect: ExpectedOutcome(status: "built"), why: "legal XML")
        let failed = DeckLine(["deck": "hostile/utf16-slide.pptx", "status": "failed", "code": "E_XML_MALFORMED", "error": "bad"])
        #expect(shouldBuild.verdict(failed)?.contains("expected built, got E_XML_MALFORMED: bad") == true)
        let fifo = HostileCase(file: "fs/fifo.pptx", expect: ExpectedOutcome(notAnInput: true), why: "a FIFO")
        #expect(fifo.verdict(DeckLine(["deck": "fs/fifo.pptx", "status": "failed", "code": "E_IO"]))?.contains("expected not an input") == true)
        #expect(fifo.verdict(nil) == nil)
    }

    /// The canary must see a fetch: one connection to its port counts as one.
    @Test func theCanaryCountsAConnectionThatWasNeverAccepted() throws {
        let canary = try CanaryListener()
        #expect(canary.connections() == 0)
        let client = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(client) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = canary.port.bigEndian
        let connected = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(client, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        #expect(connected == 0, "connect: \(String(cString: strerror(errno)))")
        #expect(canary.connections() == 1)
    }

    /// The kernel functions a process's threads are blocked in (`fifo_open`
    /// for a FIFO with no writer), to say what a hung build is stuck on.
    func waitChannels(_ pid: pid_t) -> Set<String> {
        let tasks = "/proc/\(pid)/task"
        let threads = (try? FileManager.default.contentsOfDirectory(atPath: tasks)) ?? []  // already gone: nothing to say
        return Set(threads.compactMap { FileManager.default.contents(atPath: "\(tasks)/\($0)/wchan") }
            .map { String(decoding: $0, as: UTF8.self) })
    }

    static var repositoryRoot: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    }
}

/// Counts problems while recording each as its own test issue, so one run
/// lists every deck that is wrong rather than stopping at the first.
fileprivate struct CorpusReport {
    private(set) var failures = 0

    mutating func fail(_ message: String, sourceLocation: SourceLocation = #_sourceLocation) {
        failures += 1
        Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
    }
}

/// One entry of `expected.json` (or a file-system case made by the test).
fileprivate struct HostileCase: Decodable {
    /// The deck's path as the build reports it (relative to the project).
    var file: String
    var expect: ExpectedOutcome
    var why: String

    /// Why the deck's log line does not match, or nil if it does.
    func verdict(_ actual: DeckLine?) -> String? {
        let wanted: String
        let matches: Bool
        if expect.notAnInput == true {
            wanted = "not an input"
            matches = actual == nil
        } else if let code = expect.code {
            wanted = code
            matches = actual?.code == code
        } else if let codes = expect.codeIn {
            wanted = codes.joined(separator: " or ")
            matches = actual.map { codes.contains($0.code ?? "") } ?? false
        } else {
            wanted = expect.status ?? "built"
            matches = actual?.status == wanted && actual?.code == nil
        }
        if matches { return nil }
        return "\(file): expected \(wanted), got \(actual?.summary ?? "no outcome (missing from the log)") (\(why))"
    }

    /// The checks on a built deck's output and messages: ALT text present or
    /// absent on a given shape, and warnings that must be given.
    func outputProblems(project: String, messages: [String]) throws -> [String] {
        var problems: [String] = []
        if let descr = expect.descr {
            let output = project + "/build/" + file
            guard FileManager.default.fileExists(atPath: output) else { return ["\(file): no output at build/\(file) (\(why))"] }
            let xml = try OutputDeck.text(of: descr.part, in: output)
            guard let tag = OutputDeck.cNvPrTags(xml).first(where: { OutputDeck.attribute("id", in: $0) == descr.id }) else {
                return ["\(file): the output's \(descr.part) has no shape with id \(descr.id)"]
            }
            let text = OutputDeck.attribute("descr", in: tag)?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            if text.isEmpty == descr.present {
                problems.append("\(file): shape \(descr.id) in \(descr.part) should \(descr.present ? "have" : "have no") ALT text, "
                                + "but its tag is \(tag.prefix(300))> (\(why))")
            }
        }
        if let warning = expect.warning,
           !messages.contains(where: { $0.contains(file) && $0.localizedCaseInsensitiveContains(warning) }) {
            problems.append("\(file): neither stderr nor the log says \"\(warning)\" about it (\(why))")
        }
        return problems
    }
}

/// What a deck must get: a failure `code` (or one of `codeIn`), or a `status`,
/// plus the optional output checks; `notAnInput` decks must not be built at all.
fileprivate struct ExpectedOutcome: Decodable {
    var status: String? = nil
    var code: String? = nil
    var codeIn: [String]? = nil
    var descr: DescrCheck? = nil
    var warning: String? = nil
    var notAnInput: Bool? = nil

    enum CodingKeys: String, CodingKey {
        case status, code, descr, warning
        case codeIn = "code_in"
        case notAnInput = "not_an_input"
    }
}

/// The shape `id` in `part` of the output deck has (or has no) `descr`.
fileprivate struct DescrCheck: Decodable {
    var part: String
    var id: String
    var present: Bool
}

/// A deck's line in the build log.
fileprivate struct DeckLine {
    var deck: String
    var status: String
    var code: String?
    var error: String?

    init(_ object: [String: String]) {
        deck = object["deck"] ?? ""
        status = object["status"] ?? ""
        code = object["code"]
        error = object["error"]
    }

    var summary: String {
        guard let code else { return status }
        return "\(code): \(error?.prefix(200) ?? "")"
    }
}

/// The newest `.altbuild/logs/*.jsonl` of a project.
fileprivate enum BuildLogFile {
    static func path(_ project: String) -> String? {
        let directory = project + "/.altbuild/logs"
        let logs = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []  // none yet while the build starts
        return logs.filter { $0.hasSuffix(".jsonl") }.sorted().last.map { directory + "/" + $0 }
    }

    /// The log as text; empty until the build has created it.
    static func text(_ project: String) -> String {
        guard let path = path(project), let data = FileManager.default.contents(atPath: path) else { return "" }
        return String(decoding: data, as: UTF8.self)
    }

    /// Every line as a JSON object (the log writes every value as a string).
    static func objects(_ project: String) throws -> [[String: String]] {
        try text(project).split(separator: "\n").map { line in
            guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
                throw HostileTestError("a log line is not a JSON object: \(line.prefix(200))")
            }
            return object.compactMapValues { $0 as? String }
        }
    }
}

/// Reads parts of output decks with libzip, without trusting them to be well formed.
fileprivate enum OutputDeck {
    static func text(of part: String, in path: String) throws -> String {
        var error: Int32 = 0
        guard let archive = zip_open(path, ZIP_RDONLY, &error) else { throw HostileTestError("\(path): libzip cannot open it (error \(error))") }
        defer { zip_discard(archive) }
        var stat = zip_stat_t()
        zip_stat_init(&stat)
        guard zip_stat(archive, part, 0, &stat) == 0, let file = zip_fopen(archive, part, 0) else {
            throw HostileTestError("\(path): no readable part \(part)")
        }
        defer { zip_fclose(file) }
        var bytes = [UInt8](repeating: 0, count: Int(stat.size))
        let read = bytes.withUnsafeMutableBytes { raw in raw.baseAddress.map { zip_fread(file, $0, stat.size) } ?? 0 }
        guard read == Int64(stat.size) else { throw HostileTestError("\(path): \(part) reads \(read) of \(stat.size) bytes") }
        if bytes.starts(with: [0xFF, 0xFE]) { return String(decoding: bytes.dropFirst(2).utf16Units(littleEndian: true), as: UTF16.self) }
        if bytes.starts(with: [0xFE, 0xFF]) { return String(decoding: bytes.dropFirst(2).utf16Units(littleEndian: false), as: UTF16.self) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The `cNvPr` start tags (any prefix), without their closing `>`.
    static func cNvPrTags(_ xml: String) -> [Substring] {
        xml.split(separator: "<").compactMap { fragment in
            let name = fragment.prefix { !$0.isWhitespace && $0 != ">" && $0 != "/" }
            guard name == "cNvPr" || name.hasSuffix(":cNvPr") else { return nil }
            return fragment.prefix { $0 != ">" }
        }
    }

    static func attribute(_ name: String, in tag: Substring) -> String? {
        guard let start = tag.range(of: " \(name)=\"") else { return nil }
        return String(tag[start.upperBound...].prefix { $0 != "\"" })
    }
}

fileprivate extension Collection where Element == UInt8 {
    /// Bytes taken two at a time as UTF-16 code units.
    func utf16Units(littleEndian: Bool) -> [UInt16] {
        let bytes = Array(self)
        return stride(from: 0, to: bytes.count - 1, by: 2).map { i in
            littleEndian ? UInt16(bytes[i]) | UInt16(bytes[i + 1]) << 8 : UInt16(bytes[i]) << 8 | UInt16(bytes[i + 1])
        }
    }
}

/// Who runs the build. CI runs as root, and root reads a file whatever its
/// mode, so the only honest unreadable deck is one the build's user may not
/// read: as root, the build drops to `nobody` with `setpriv` (which also runs
/// every hostile deck without privileges, as it should be in production). If
/// that is impossible (no setpriv, or a toolchain `nobody` cannot execute),
/// the build runs as root and the unreadable case is left out, with a note.
fileprivate struct BuildUser {
    static let nobody = "65534"
    var name: String
    var launcher: [String]
    /// Whether a mode-000 file stops this user.
    var modesApply: Bool

    static func choose() -> BuildUser {
        guard geteuid() == 0 else { return BuildUser(name: "uid \(geteuid())", launcher: [], modesApply: true) }
        let setpriv = ["/usr/bin/setpriv", "--reuid=\(nobody)", "--regid=\(nobody)", "--clear-groups", "--"]
        // The probe's failure is the answer, not an error: it decides how the build is run.
        let probe = (try? HelperProgram.status(setpriv + [BinaryRunner.binary, "--version"])) ?? -1
        if probe == 0 { return BuildUser(name: "nobody (setpriv)", launcher: setpriv, modesApply: true) }
        print("hostile corpus: running as root and cannot run altbuild as nobody (setpriv probe: \(probe)); the unreadable-deck case is left out")
        return BuildUser(name: "root", launcher: [], modesApply: false)
    }
}

/// The cases made of links, folders and special files rather than bytes.
fileprivate enum FileSystemCases {
    static let deleted = "late/deleted.pptx"

    /// Makes them in `project` (and a link target in `outside`) and returns their expectations.
    static func make(project: String, outside: String, valid: [UInt8], user: BuildUser) throws -> [HostileCase] {
        let fm = FileManager.default
        // Each deck gets its own bytes (a different zip comment), so none is
        // restored from the cache entry of an identical deck built before it.
        try fm.write(variant(valid, "symlink target"), to: outside + "/valid.pptx")
        try fm.createDirectory(atPath: project + "/fs/loop/a", withIntermediateDirectories: true)
        try fm.createSymbolicLink(atPath: project + "/fs/symlinked.pptx", withDestinationPath: outside + "/valid.pptx")
        try fm.write(variant(valid, "loop"), to: project + "/fs/loop/deck.pptx")
        try fm.createSymbolicLink(atPath: project + "/fs/loop/a/loop", withDestinationPath: "..")
        try fm.write(variant(valid, "folder named .pptx"), to: project + "/fs/folder.pptx/inner.pptx")
        guard mkfifo(project + "/fs/fifo.pptx", 0o644) == 0 else { throw HostileTestError("mkfifo: \(String(cString: strerror(errno)))") }
        try fm.write(variant(valid, "deleted"), to: project + "/" + deleted)
        var cases = [
            HostileCase(file: "fs/symlinked.pptx",
                        expect: ExpectedOutcome(status: "built", descr: DescrCheck(part: "ppt/slides/slide1.xml", id: "2", present: true)),
                        why: "a deck that is a symlink to a deck outside the project is built like the file it points to"),
            HostileCase(file: "fs/loop/deck.pptx", expect: ExpectedOutcome(status: "built"),
                        why: "fs/loop/a/loop -> .. is a folder link loop: not followed, so the deck is found once and discovery ends"),
            HostileCase(file: "fs/folder.pptx/inner.pptx", expect: ExpectedOutcome(status: "built"),
                        why: "a folder named folder.pptx is walked as a folder"),
            HostileCase(file: "fs/folder.pptx", expect: ExpectedOutcome(notAnInput: true), why: "a folder is never a deck, whatever its name"),
            HostileCase(file: "fs/fifo.pptx", expect: ExpectedOutcome(notAnInput: true),
                        why: "a FIFO is not a regular file: opening it would block the build forever"),
            HostileCase(file: deleted, expect: ExpectedOutcome(codeIn: ["E_IO", "E_INPUT_CHANGED"]),
                        why: "deleted after the build found and hashed it: it fails alone and the rest go on"),
        ]
        if user.launcher.count > 0 {
            // nobody must reach both folders through their common parent, whatever the umask.
            try fm.setAttributes([.posixPermissions: 0o755], ofItemAtPath: (project as NSString).deletingLastPathComponent)
            try HelperProgram.run(["/bin/chown", "-R", "\(BuildUser.nobody):\(BuildUser.nobody)", project, outside])
        }
        if user.modesApply {
            // Made after the chown: owned by the test's user, readable by nobody else.
            try fm.write(variant(valid, "unreadable"), to: project + "/fs/unreadable.pptx")
            try fm.setAttributes([.posixPermissions: 0], ofItemAtPath: project + "/fs/unreadable.pptx")
            cases.append(HostileCase(file: "fs/unreadable.pptx", expect: ExpectedOutcome(code: "E_IO"),
                                     why: "mode 000 and not the build user's: it cannot be opened, and only it fails"))
        }
        return cases
    }

    /// The checks only these cases need: what the link and loop produced.
    static func outputProblems(project: String, outside: String, valid: [UInt8]) throws -> [String] {
        var problems: [String] = []
        let fm = FileManager.default
        let linkOutput = project + "/build/fs/symlinked.pptx"
        if fm.fileExists(atPath: linkOutput) {
            let type = try fm.attributesOfItem(atPath: linkOutput)[.type] as? FileAttributeType
            if type != .typeRegular { problems.append("fs/symlinked.pptx: its output is a \(type?.rawValue ?? "?"), not a regular file") }
        }
        if try Data(contentsOf: URL(fileURLWithPath: outside + "/valid.pptx")) != Data(variant(valid, "symlink target")) {
            problems.append("fs/symlinked.pptx: the deck the link points to was modified")
        }
        let loopOutputs = (fm.subpaths(atPath: project + "/build/fs/loop") ?? []).filter { $0.hasSuffix(".pptx") }
        if loopOutputs != ["deck.pptx"] {
            problems.append("fs/loop: expected exactly one output, deck.pptx; got \(loopOutputs.count): \(loopOutputs.prefix(5))")
        }
        return problems
    }

    /// `deck` with `comment` as its zip comment: the same deck, other bytes.
    static func variant(_ deck: [UInt8], _ comment: String) -> [UInt8] {
        // The generator writes no comment, so the end record is the last 22 bytes
        // and its last two bytes are the comment's length.
        let text = Array(comment.utf8)
        return Array(deck.dropLast(2)) + [UInt8(text.count & 0xFF), UInt8(text.count >> 8)] + text
    }
}

/// Runs helper programs (python3, chown, the setpriv probe) to completion.
fileprivate enum HelperProgram {
    /// The exit status, with stdout and stderr discarded.
    static func status(_ argv: [String]) throws -> Int32 {
        try launch(argv).status
    }

    /// Runs `argv` and throws with its stderr unless it exits 0.
    static func run(_ argv: [String]) throws {
        let result = try launch(argv)
        guard result.status == 0 else {
            throw HostileTestError("\(argv.joined(separator: " ")) exited \(result.status): \(result.stderr.suffix(2000))")
        }
    }

    private static func launch(_ argv: [String]) throws -> (status: Int32, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = argv
        let errors = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        try process.run()
        let stderr = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: stderr, as: UTF8.self))
    }
}

fileprivate struct HostileTestError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
