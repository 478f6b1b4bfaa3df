import AltbuildCore
import AltbuildSupport
import BuildEngine

/// Each deck's review file, and whether it speaks for the deck as it is now.
/// Planning decides that, as for `status`: a deck that would build has
/// changed (or its settings have) since its review file was written.
struct DeckReview {
    var deck: String
    var reviewPath: String
    var file: ReviewFile?
    /// Why the review file may not describe the deck as it is now; nil when the deck is up to date.
    var staleness: String?
    /// A review file that could not be read.
    var error: AltbuildError?
}

enum ReviewSurvey {
    /// The decks `options` names, with their review files. Reads review
    /// files and the state log only: no deck is opened, nothing is written.
    static func survey(_ options: ProjectOptions) throws -> [DeckReview] {
        let project = options.project()
        let inputs = try options.inputs(project)
        let executor = project.executor(state: project.readState(), buildID: "review")
        return inputs.map { input in
            let path = project.reviewPath(input)
            var review = DeckReview(deck: input.path, reviewPath: path)
            let plan = executor.plan(input)
            if plan.decision != .upToDate { review.staleness = plan.decision.reason.text }
            do {
                review.file = try ReviewFile.load(path)
            } catch let error as AltbuildError {
                review.error = error
            } catch {
                review.error = AltbuildError(.reviewFileInvalid, "\(error)", path: path)
            }
            return review
        }
    }
}
