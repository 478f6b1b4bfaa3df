/// One deck as `check` judged it: the problem with the deck as a whole (its
/// review file cannot speak for it), or its slots that fail the gate. Kept
/// per deck so the reports can give each deck a verdict, passing ones too.
struct CheckedDeck {
    var path: String
    var reviewPath: String
    /// Why the review file cannot speak for the deck, without the deck's path.
    var problem: String?
    var problems: [ReviewListItem] = []

    init(path: String, reviewPath: String) {
        self.path = path
        self.reviewPath = reviewPath
    }

    /// The deck's problem as `check` prints it: `deck: problem`.
    var line: String? {
        problem.map { "\(path): \($0)" }
    }

    /// Every line `check` prints about this deck, the deck's own first.
    var lines: [String] {
        (line.map { [$0] } ?? []) + problems.map(\.line)
    }

    var passed: Bool { problem == nil && problems.isEmpty }
}
