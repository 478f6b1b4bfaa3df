import AltbuildSupport

/// The annotation lines for GitHub Actions: each failure or slot left for a
/// person shows on its deck in the pull request, not only in the log.
enum GitHubAnnotations {
    /// `build`: an error per failed deck, titled with its code, and a warning
    /// per slot the build left without a description. Slots are taken only
    /// from decks the build left current: after a failure the review file is
    /// an earlier build's, and the error already says what matters.
    static func build(_ report: BuildReport) -> [String] {
        report.decks.flatMap { deck -> [String] in
            if let error = deck.error {
                return [WorkflowCommand.line("error", properties: [("file", deck.path), ("title", error.code)], message: error.message)]
            }
            guard deck.isCurrent else { return [] }
            return deck.slotsNeedingReview.map { slot in
                WorkflowCommand.line("warning", properties: [("file", deck.path), ("title", "needs review")], message: slot.slotLine)
            }
        }
    }

    /// `check`: an error per line `check` prints, on the deck it is about.
    static func check(_ decks: [CheckedDeck]) -> [String] {
        decks.flatMap { deck in
            ((deck.problem.map { [$0] } ?? []) + deck.problems.map(\.slotLine)).map { message in
                WorkflowCommand.line("error", properties: [("file", deck.path)], message: message)
            }
        }
    }
}
