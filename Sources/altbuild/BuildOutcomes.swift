import AltbuildSupport
import BuildEngine

/// Each deck's outcome in one build, by its place among the inputs, for the
/// CI reports. The engine keeps no outcome (its memory does not grow with
/// the number of decks), so this keeps them only when a report is asked for.
/// Fed only from the task that collects outcomes, like the progress display,
/// so it needs no lock.
final class BuildOutcomes {
    let inputs: [DiscoveredInput]
    /// When the build started, for the report's total time.
    let started = monotonicSeconds()
    private let keeping: Bool
    private(set) var outcomes: [TargetOutcome?]

    init(inputs: [DiscoveredInput], keeping: Bool) {
        self.inputs = inputs
        self.keeping = keeping
        outcomes = Array(repeating: nil, count: keeping ? inputs.count : 0)
    }

    /// `index` counts from 1, as the engine reports it.
    func record(_ outcome: TargetOutcome, index: Int) {
        guard keeping, outcomes.indices.contains(index - 1) else { return }
        outcomes[index - 1] = outcome
    }

    /// Forgets what a probe recorded when it turned out that the build has
    /// work to do: the build reports every deck again, and a deck it never
    /// starts must show as not started, not as what the probe saw.
    func clear() {
        outcomes = Array(repeating: nil, count: outcomes.count)
    }
}
