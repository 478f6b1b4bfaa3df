import AltbuildCore
import AltbuildSupport
import BuildEngine

/// Each deck's review file, and whether it speaks for the deck as it is now.
/// Planning decides that, as for `status`: a deck that would build has
/// changed (or its settings have) since its review file was written.
struct DeckReview<File> {
    var deck: String
    var reviewPath: String
    var file: File?
    /// Why the review file may not describe the deck as it is now; nil when the deck is up to date.
    var staleness: String?
    /// A review file that could not be read.
    var error: AltbuildError?
}

enum ReviewSurvey {
    /// The decks `options` names, with their review files read by `load`
    /// (whole, or the part the caller needs), only those of `shard` if one
    /// is given. Reads review files and the state log only: no deck is
    /// opened, nothing is written.
    static func survey<File>(_ options: ProjectOptions, shard: ShardOption? = nil,
                             load: (String) throws -> File?) throws -> [DeckReview<File>] {
        let project = try options.project()
        let found = try options.inputs(project)
        let inputs = try shard?.select(found).inputs ?? found
        let executor = project.executor(state: project.readState(), buildID: "review")
        return inputs.map { input in
            let path = project.reviewPath(input)
            var review = DeckReview<File>(deck: input.path, reviewPath: path)
            let plan = executor.plan(input)
            if plan.decision != .upToDate { review.staleness = plan.decision.reason.text }
            do {
                review.file = try load(path)
            } catch let error as AltbuildError {
                review.error = error
            } catch {
                review.error = AltbuildError(.reviewFileInvalid, "\(error)", path: path)
            }
            return review
        }
    }
}
