/// What `check --report` writes: every deck with its verdict and the slots
/// that fail the gate. Keys are part of altbuild's interface
/// (README-reports.md documents them); add, never rename.
struct CheckReport: Encodable {
    var command = "check"
    var version = 1
    var summary: Summary
    var decks: [Deck]

    struct Summary: Encodable {
        var decks, passed, failed: Int
        /// Problem lines, as `check` prints them: one per failing slot, one per deck that cannot be judged.
        var problems: Int
    }

    struct Deck: Encodable {
        var path: String
        var reviewFile: String
        /// `passed` or `failed`.
        var status: String
        /// Why the deck's review file cannot speak for it (the line `check` prints).
        var problem: String?
        /// The slots that fail the gate, in the shape of `review list --json`.
        var slots: [ReviewListItem]
    }

    init(_ decks: [CheckedDeck]) {
        self.decks = decks.map { deck in
            Deck(path: deck.path, reviewFile: deck.reviewPath, status: deck.passed ? "passed" : "failed",
                 problem: deck.line, slots: deck.problems)
        }
        let failed = decks.filter { !$0.passed }.count
        summary = Summary(decks: decks.count, passed: decks.count - failed, failed: failed,
                          problems: decks.reduce(0) { $0 + $1.lines.count })
    }
}
