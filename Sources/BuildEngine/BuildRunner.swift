/// What the engine needs from the layer that knows what a target is.
public protocol TargetBuilder: Sendable {
    /// Cheap check, from file metadata only: can this target be skipped?
    func isUpToDate(_ input: DiscoveredInput) -> Bool
    /// Builds one target. Errors are returned in the outcome, not thrown, so
    /// one bad input never stops the batch.
    func build(_ input: DiscoveredInput) async -> TargetOutcome
    /// Where the output of `input` goes.
    func outputPath(_ input: DiscoveredInput) -> String
}

/// Runs targets in discovery order and reports each as it finishes.
///
/// Planning (which targets are stale) is kept apart from execution (building
/// them) so that a dry run and a real run plan alike.
public struct BuildRunner: Sendable {
    public init() {}

    public func plan(_ inputs: [DiscoveredInput], builder: some TargetBuilder) -> [(input: DiscoveredInput, stale: Bool)] {
        inputs.map { ($0, !builder.isUpToDate($0)) }
    }

    public func run(_ inputs: [DiscoveredInput], builder: some TargetBuilder,
                    report: (TargetOutcome, Int, Int) -> Void) async -> BuildSummary {
        var summary = BuildSummary()
        for (index, item) in plan(inputs, builder: builder).enumerated() {
            let outcome: TargetOutcome
            if item.stale {
                outcome = await builder.build(item.input)
            } else {
                outcome = TargetOutcome(input: item.input.path, output: builder.outputPath(item.input), status: .upToDate)
            }
            summary.add(outcome.status)
            report(outcome, index + 1, inputs.count)
        }
        return summary
    }
}
