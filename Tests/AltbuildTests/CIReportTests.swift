import Testing
import Foundation
import FoundationXML
@testable import AltbuildCore
import AltbuildSupport

/// The CI reports of `build` and `check` (`--report`, `--junit`, GitHub
/// annotations), on the built binary, read back with a JSON parser and a
/// real XML parser rather than compared as text.
@Suite(.serialized) struct CIReportTests {
    let project: String
    let fm = FileManager.default
    /// A comma in the path and `%`, `&`, `<`, `"` and `:` in a shape name:
    /// what GitHub's and XML's escaping rules are about.
    static let good = "decks/good,1.pptx"
    static let shapeName = #"Photo 100% & <more>, "v2": final"#

    init() throws {
        project = Fixtures.temporaryDirectory()
        try fm.write(Self.deck(), to: "\(project)/\(Self.good)")
        let sink = Fixtures.kitchenSink().bytes()
        try fm.write(sink, to: "\(project)/decks/kitchen.pptx")
        try fm.write(Array(sink.prefix(sink.count / 2)), to: "\(project)/decks/cut.pptx")
    }

    /// One picture with a caption and no text: the builtin describer leaves it `needs-review`.
    static func deck() -> [UInt8] {
        let xmlName = shapeName.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: "\"", with: "&quot;")
        return DeckFixture(
            slides: [.init(
                shapes: DeckFixture.textBox(id: 100, name: "Title", text: "Our office", placeholder: "title")
                    + DeckFixture.picture(id: 2, name: xmlName)
                    + DeckFixture.textBox(id: 3, name: "Caption", text: "Figure 1: the new office", x: 1_000_000, y: 3_100_000),
                relationships: [("rIdImg", "image", "../media/image1.png")])],
            parts: [("ppt/media/image1.png", DeckFixture.png)]).bytes()
    }

    /// Runs altbuild outside GitHub Actions unless `environment` says otherwise,
    /// whatever the environment running the tests.
    func run(_ arguments: String..., environment: [String: String] = [:]) throws -> BinaryRunner.Result {
        try BinaryRunner.run(arguments, in: project, environment: ["GITHUB_ACTIONS": ""].merging(environment) { $1 })
    }

    func json(_ path: String) throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: "\(project)/\(path)"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    func xml(_ path: String) throws -> XMLElement {
        let document = try XMLDocument(contentsOf: URL(fileURLWithPath: "\(project)/\(path)"), options: [])
        return try #require(document.rootElement())
    }

    /// The counts of the closing line `N decks: N built, N restored from cache, N up to date, N failed; N describer calls`.
    func summaryCounts(_ stdout: String) throws -> [String: Int] {
        let match = try #require(stdout.firstMatch(
            of: /(\d+) decks: (\d+) built, (\d+) restored from cache, (\d+) up to date, (\d+) failed[^;]*; (\d+) describer call/),
            "no summary line in \(stdout)")
        let values = [match.1, match.2, match.3, match.4, match.5, match.6].map { Int($0) ?? -1 }
        return Dictionary(uniqueKeysWithValues: zip(["decks", "built", "restored", "upToDate", "failed", "describerCalls"], values))
    }

    func int(_ element: XMLElement, _ attribute: String) -> Int? {
        element.attribute(forName: attribute)?.stringValue.flatMap { Int($0) }
    }

    @Test func jsonReportHasEveryDeckAndSlotAndMatchesTheSummaryLine() throws {
        let build = try run("build", "--report", "out/report.json")
        #expect(build.status == 1, "\(build.stdout)\(build.stderr)")
        let report = try json("out/report.json")
        let summary = try #require(report["summary"] as? [String: Any])
        for (key, count) in try summaryCounts(build.stdout) {
            #expect(summary[key] as? Int == count, "\(key): \(summary) vs \(build.stdout)")
        }
        #expect(summary["built"] as? Int == 2 && summary["failed"] as? Int == 1)
        #expect(report["command"] as? String == "build" && (report["seconds"] as? Double ?? -1) >= 0)

        let decks = try #require(report["decks"] as? [[String: Any]])
        #expect(decks.compactMap { $0["path"] as? String } == ["decks/cut.pptx", Self.good, "decks/kitchen.pptx"])
        let cut = decks[0]
        #expect(cut["status"] as? String == "failed")
        let error = try #require(cut["error"] as? [String: Any])
        #expect(error["code"] as? String == "E_ZIP_TRUNCATED" && (error["message"] as? String)?.isEmpty == false)

        let good = decks[1]
        #expect(good["status"] as? String == "built" && good["output"] as? String == "build/\(Self.good)")
        #expect(good["error"] == nil && good["reason"] as? String == "new: never built")
        #expect(good["reviewFile"] as? String == "alt-text/\(Self.good).json")
        let slots = try #require(good["slots"] as? [[String: Any]])
        let file = try #require(try ReviewFile.load("\(project)/alt-text/\(Self.good).json"))
        #expect(slots.compactMap { $0["slot"] as? String } == file.slots.map(\.slot))
        #expect(slots.compactMap { $0["state"] as? String } == file.slots.map(\.state.rawValue))
        let photo = try #require(slots.first { $0["name"] as? String == Self.shapeName })
        #expect(photo["state"] as? String == "needs-review" && (photo["reason"] as? String)?.isEmpty == false)
        let kitchenSlots = try #require(decks[2]["slots"] as? [[String: Any]])
        #expect(kitchenSlots.contains { $0["text"] is String }, "texts are reported")
    }

    @Test func aBuildWithNothingToDoStillReportsEveryDeckAsUpToDate() throws {
        #expect(try run("build", Self.good).status == 0)
        let again = try run("build", Self.good, "--report", "report.json")
        #expect(again.status == 0, "\(again.stderr)")
        let report = try json("report.json")
        let summary = try #require(report["summary"] as? [String: Any])
        #expect(summary["upToDate"] as? Int == 1 && summary["describerCalls"] as? Int == 0)
        let deck = try #require((report["decks"] as? [[String: Any]])?.first)
        #expect(deck["status"] as? String == "up-to-date")
        #expect((deck["slots"] as? [Any])?.count == 1)
    }

    @Test func buildJUnitHasATestCasePerDeckAndFailsTheBrokenOne() throws {
        let build = try run("build", "--junit", "junit.xml")
        #expect(build.status == 1)
        let root = try xml("junit.xml")
        #expect(root.name == "testsuites")
        let suite = try #require(root.elements(forName: "testsuite").first)
        let cases = suite.elements(forName: "testcase")
        #expect(cases.compactMap { $0.attribute(forName: "name")?.stringValue } == ["decks/cut.pptx", Self.good, "decks/kitchen.pptx"])
        let failed = cases.filter { !$0.elements(forName: "failure").isEmpty }
        for element in [root, suite] {
            #expect(int(element, "tests") == cases.count)
            #expect(int(element, "failures") == failed.count)
        }
        #expect(failed.count == 1)
        let failure = try #require(failed.first?.elements(forName: "failure").first)
        #expect(failed.first?.attribute(forName: "name")?.stringValue == "decks/cut.pptx")
        #expect(failure.attribute(forName: "type")?.stringValue == "E_ZIP_TRUNCATED")
        #expect(failure.stringValue?.hasPrefix("decks/cut.pptx: E_ZIP_TRUNCATED: ") == true)
    }

    @Test func checkJUnitListsEachDecksProblemsWithTheirCount() throws {
        _ = try run("build")
        let check = try run("check", "--junit", "check.xml", "--report", "check.json")
        #expect(check.status == 1)
        let printed = check.stdout.split(separator: "\n").map(String.init)
        let root = try xml("check.xml")
        let suite = try #require(root.elements(forName: "testsuite").first)
        #expect(suite.attribute(forName: "name")?.stringValue == "altbuild check")
        let cases = suite.elements(forName: "testcase")
        #expect(cases.count == 3)
        var failures = 0
        for testCase in cases {
            let deck = try #require(testCase.attribute(forName: "name")?.stringValue)
            let lines = printed.filter { $0.hasPrefix(deck + ":") }
            guard let failure = testCase.elements(forName: "failure").first else {
                #expect(lines.isEmpty, "\(deck) passes only when check prints nothing about it")
                continue
            }
            failures += 1
            #expect(failure.stringValue?.split(separator: "\n").map(String.init) == lines)
            #expect(failure.attribute(forName: "message")?.stringValue == "\(lines.count) problem\(lines.count == 1 ? "" : "s")")
        }
        #expect(failures >= 2, "the unbuilt deck and the deck with a slot needing review")
        #expect(int(suite, "failures") == failures && int(root, "failures") == failures)
        #expect(int(suite, "tests") == 3 && int(root, "tests") == 3)
        let goodFailure = try #require(cases.first { $0.attribute(forName: "name")?.stringValue == Self.good }?.elements(forName: "failure").first)
        #expect(goodFailure.stringValue?.contains("shape \"\(Self.shapeName)\" (picture): needs-review") == true)

        let report = try json("check.json")
        let summary = try #require(report["summary"] as? [String: Any])
        #expect(summary["problems"] as? Int == printed.count && summary["failed"] as? Int == failures)
    }

    @Test func annotationsAppearInGitHubActionsOnlyAndAreEscaped() throws {
        let plain = try run("build")
        #expect(!plain.stdout.contains("::"), "\(plain.stdout)")

        let actions = try run("build", environment: ["GITHUB_ACTIONS": "true"])
        let lines = actions.stdout.split(separator: "\n").map(String.init)
        let cut = lines.filter { $0.hasPrefix("::error file=decks/cut.pptx,title=E_ZIP_TRUNCATED::") }
        #expect(cut.count == 1, "\(actions.stdout)")
        let warnings = lines.filter { $0.hasPrefix("::warning file=decks/good%2C1.pptx,title=needs review::") }
        #expect(warnings.count == 1, "\(actions.stdout)")
        #expect(warnings.first?.hasPrefix(#"::warning file=decks/good%2C1.pptx,title=needs review::slide 1: shape "Photo 100%25 & <more>, "v2": final" (picture): needs-review: "#) == true,
                "\(actions.stdout)")
        #expect(lines.filter { $0.contains("::warning") || $0.contains("::error") }.allSatisfy { $0.hasPrefix("::") })

        let refused = try run("build", "--no-github-annotations", environment: ["GITHUB_ACTIONS": "true"])
        #expect(!refused.stdout.contains("::"))
        let forced = try run("build", "--github-annotations")
        #expect(forced.stdout.contains("::error file=decks/cut.pptx,title=E_ZIP_TRUNCATED::"))

        let check = try run("check", environment: ["GITHUB_ACTIONS": "true"])
        let problems = check.stdout.split(separator: "\n").filter { !$0.hasPrefix("::") }
        let errors = check.stdout.split(separator: "\n").filter { $0.hasPrefix("::error file=") }
        #expect(errors.count == problems.count && !errors.isEmpty, "\(check.stdout)")
        #expect(errors.contains { $0.hasPrefix(#"::error file=decks/good%2C1.pptx::slide 1: shape "Photo 100%25 & <more>, "v2": final""#) })
        // JSON on stdout stays JSON inside GitHub Actions.
        let checkJSON = try run("check", "--json", environment: ["GITHUB_ACTIONS": "true"])
        #expect(try JSONSerialization.jsonObject(with: Data(checkJSON.stdout.utf8)) is [Any])
    }

    @Test func aReportThatCannotBeWrittenExitsTwoAndSaysWhy() throws {
        #expect(try run("build", Self.good).status == 0)
        try fm.write(Array("a file".utf8), to: "\(project)/blocker")
        let result = try run("build", Self.good, "--report", "blocker/report.json")
        #expect(result.status == 2, "\(result.stdout)\(result.stderr)")
        #expect(result.stderr.contains("--report") && result.stderr.contains("E_WRITE"), "\(result.stderr)")
    }

    @Test func xmlEscapingKeepsTextAndDropsWhatXMLForbids() throws {
        let text = "a & b < c > d \" e ' f\u{0}\u{1B}\u{FFFE} g\r\nh\tz"
        #expect(XMLText.text(text) == "a &amp; b &lt; c &gt; d &quot; e &apos; f g&#13;\nh\tz")
        #expect(XMLText.attribute("x\ny\tz") == "x&#10;y&#9;z")
        let document = try XMLDocument(xmlString: "<r a=\"\(XMLText.attribute(text))\">\(XMLText.text(text))</r>", options: [])
        let expected = "a & b < c > d \" e ' f g\r\nh\tz"
        #expect(document.rootElement()?.stringValue == expected)
        #expect(document.rootElement()?.attribute(forName: "a")?.stringValue == expected)
    }

    @Test func workflowCommandsEscapeDataAndProperties() {
        #expect(WorkflowCommand.data("50% done\r\nnext: a,b") == "50%25 done%0D%0Anext: a,b")
        #expect(WorkflowCommand.property("a:b,c%\n") == "a%3Ab%2Cc%25%0A")
        #expect(WorkflowCommand.line("error", properties: [("file", "x,y.pptx"), ("title", "E_IO")], message: "line 1\nline 2")
            == "::error file=x%2Cy.pptx,title=E_IO::line 1%0Aline 2")
        #expect(WorkflowCommand.line("warning", properties: [], message: "m") == "::warning::m")
    }
}
