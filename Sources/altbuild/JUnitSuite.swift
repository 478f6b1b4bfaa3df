import AltbuildSupport

/// A JUnit XML report of one suite, the format CI dashboards (GitHub, GitLab,
/// Jenkins) read for test results: a test case per deck, so a failing deck
/// shows by name next to its error. Laid out by hand (`altbuild` links no
/// XML library), every value escaped by `XMLText`.
struct JUnitSuite {
    struct TestCase {
        enum Verdict {
            case passed
            /// `type` is what a dashboard groups by (an error code); `text` the full detail.
            case failed(type: String, message: String, text: String)
            case skipped(message: String)
        }

        var name: String
        var seconds: Double?
        var verdict: Verdict
    }

    var name: String
    var seconds: Double?
    var cases: [TestCase]

    var failures: Int {
        cases.filter { if case .failed = $0.verdict { return true } else { return false } }.count
    }

    var skipped: Int {
        cases.filter { if case .skipped = $0.verdict { return true } else { return false } }.count
    }

    /// The whole document: `<testsuites>` around this one `<testsuite>`,
    /// both with the same counts, which always match the test cases.
    var xml: String {
        let counts = [("tests", "\(cases.count)"), ("failures", "\(failures)"), ("errors", "0"), ("skipped", "\(skipped)")]
            + (seconds.map { [("time", "\($0)")] } ?? [])
        var lines = ["<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
                     Self.tag("testsuites", [("name", "altbuild")] + counts),
                     "  " + Self.tag("testsuite", [("name", name)] + counts)]
        for testCase in cases { lines += Self.lines(testCase, suite: name) }
        lines += ["  </testsuite>", "</testsuites>", ""]
        return lines.joined(separator: "\n")
    }

    private static func lines(_ testCase: TestCase, suite: String) -> [String] {
        let open = "    " + tag("testcase", [("name", testCase.name), ("classname", suite)]
                                + (testCase.seconds.map { [("time", "\($0)")] } ?? []), empty: testCase.isPassed)
        switch testCase.verdict {
        case .passed:
            return [open]
        case .failed(let type, let message, let text):
            let failure = tag("failure", [("type", type), ("message", message)]) + XMLText.text(text) + "</failure>"
            return [open, "      " + failure, "    </testcase>"]
        case .skipped(let message):
            return [open, "      " + tag("skipped", [("message", message)], empty: true), "    </testcase>"]
        }
    }

    /// `<name a="v">`, or `<name a="v"/>` when `empty`.
    private static func tag(_ name: String, _ attributes: [(String, String)], empty: Bool = false) -> String {
        "<" + name + attributes.map { " \($0.0)=\"\(XMLText.attribute($0.1))\"" }.joined() + (empty ? "/>" : ">")
    }
}

extension JUnitSuite.TestCase {
    var isPassed: Bool {
        if case .passed = verdict { return true } else { return false }
    }
}
