/// How the two commands' reports map onto JUnit: a test case per deck.
extension JUnitSuite {
    /// `build`: a failed deck fails with its error code as the type; a
    /// deck the build skipped, was interrupted in or never started is
    /// skipped; built, restored and up-to-date decks pass.
    init(build report: BuildReport) {
        name = "altbuild build"
        seconds = report.seconds
        cases = report.decks.map { deck in
            let verdict: TestCase.Verdict
            if let error = deck.error {
                verdict = .failed(type: error.code, message: error.message, text: "\(deck.path): \(error.code): \(error.message)")
            } else if deck.isCurrent {
                verdict = .passed
            } else {
                verdict = .skipped(message: [deck.status, deck.reason].compactMap { $0 }.joined(separator: ": "))
            }
            return TestCase(name: deck.path, seconds: deck.seconds, verdict: verdict)
        }
    }

    /// `check`: a deck fails when `check` prints anything about it; the
    /// message gives the count, and the text is the lines `check` prints.
    /// The type is `review-file` when the deck's review file cannot speak
    /// for it (missing, invalid, or the deck changed since), else `unreviewed`.
    init(check decks: [CheckedDeck]) {
        name = "altbuild check"
        seconds = nil
        cases = decks.map { deck in
            let lines = deck.lines
            let verdict: TestCase.Verdict = lines.isEmpty
                ? .passed
                : .failed(type: deck.problem == nil ? "unreviewed" : "review-file", message: "\(lines.count) problem\(lines.count == 1 ? "" : "s")",
                          text: lines.joined(separator: "\n"))
            return TestCase(name: deck.path, seconds: nil, verdict: verdict)
        }
    }
}
