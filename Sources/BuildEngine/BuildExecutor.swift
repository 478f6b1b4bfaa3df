public import AltbuildSupport
#if canImport(Glibc)
import Glibc
#endif

/// Runs planned targets: restores what the store already has, builds the
/// rest through the `TargetAction`, and records every finished target in the
/// state log at once, so an interrupted build loses only the target in flight.
///
/// A class because it owns the state log for the duration of a build.
public final class BuildExecutor {
    public let state: StateLog
    public let store: ContentStore
    public let actions: ActionCache
    public let planner: Planner
    public let action: any TargetAction
    public let buildID: String
    let outputPathFor: @Sendable (DiscoveredInput) -> String

    static let resultNamespace = "targets"

    public init(state: StateLog, store: ContentStore, actions: ActionCache, planner: Planner,
                action: any TargetAction, buildID: String, outputPath: @escaping @Sendable (DiscoveredInput) -> String) {
        self.state = state
        self.store = store
        self.actions = actions
        self.planner = planner
        self.action = action
        self.buildID = buildID
        outputPathFor = outputPath
    }

    public func plan(_ input: DiscoveredInput) -> TargetPlan {
        planner.plan(input, outputPath: outputPathFor(input), record: state.record(for: input.path))
    }

    public func run(_ inputs: [DiscoveredInput], report: (TargetOutcome, Int, Int) -> Void) async -> BuildSummary {
        var summary = BuildSummary()
        for (index, input) in inputs.enumerated() {
            let outcome = await run(input)
            summary.add(outcome)
            report(outcome, index + 1, inputs.count)
        }
        try? state.compactIfNeeded()
        return summary
    }

    public func run(_ input: DiscoveredInput) async -> TargetOutcome {
        let start = monotonicSeconds()
        let plan = self.plan(input)
        if let refreshed = plan.refreshedRecord { try? state.append(refreshed) }
        switch plan.decision {
        case .upToDate:
            return TargetOutcome(input: input.path, output: plan.outputPath, status: .upToDate, reason: "up to date")
        case .skipFailed(let reason):
            return TargetOutcome(input: input.path, output: plan.outputPath, status: .skipped, reason: reason)
        case .restore(let reason):
            if let record = state.record(for: input.path), let digest = record.outputDigest,
               let outcome = restore(plan, outputDigest: digest, manifest: record.manifestDigest, reason: reason, start: start) {
                return outcome
            }
            return await build(plan, reason: reason + "; not in the cache any more", start: start)
        case .build(let reason):
            if !planner.options.force, let key = plan.key, let result = actions.lookup(Self.resultNamespace, key),
               let (output, manifest) = readResult(result),
               let outcome = restore(plan, outputDigest: output, manifest: manifest, reason: reason, start: start) {
                return outcome
            }
            return await build(plan, reason: reason, start: start)
        }
    }

    // MARK: - Restoring

    private func restore(_ plan: TargetPlan, outputDigest: SHA256Digest, manifest: SHA256Digest?, reason: String, start: Double) -> TargetOutcome? {
        guard let key = plan.key, let inputDigest = plan.inputDigest, let bytes = store.get(outputDigest) else { return nil }
        do {
            try writeOutput(bytes, digest: outputDigest, plan: plan)
            let outputStatus = FileStatus(path: plan.outputPath)
            try state.append(TargetRecord(
                target: plan.input.path, status: .succeeded, key: key, inputDigest: inputDigest,
                inputStatus: planner.options.inPlace ? outputStatus : plan.inputStatus,
                statRecordedAt: wallClockNanoseconds(), outputPath: plan.outputPath, outputDigest: outputDigest,
                outputStatus: outputStatus, manifestDigest: manifest, configuration: planner.configuration,
                errorCode: nil, errorMessage: nil, seconds: monotonicSeconds() - start, buildID: buildID,
                finishedAt: wallClockNanoseconds()))
            return TargetOutcome(input: plan.input.path, output: plan.outputPath, status: .restored, reason: reason,
                                 detail: "restored from cache", seconds: monotonicSeconds() - start)
        } catch {
            return nil
        }
    }

    private func readResult(_ digest: SHA256Digest) -> (SHA256Digest, SHA256Digest?)? {
        guard let bytes = store.get(digest) else { return nil }
        let fields = Planner.pairs(String(decoding: bytes, as: UTF8.self))
        guard let output = fields["output"].flatMap(SHA256Digest.init(hex:)) else { return nil }
        return (output, fields["manifest"].flatMap(SHA256Digest.init(hex:)))
    }

    // MARK: - Building

    private func build(_ plan: TargetPlan, reason: String, start: Double) async -> TargetOutcome {
        let input = plan.input
        var digest = plan.inputDigest
        var key = plan.key
        do {
            // The status to compare with after the build: the one taken before the bytes were read.
            let statusBefore = plan.inputBytes != nil ? plan.inputStatus : FileStatus(path: input.path)
            let bytes = try plan.inputBytes ?? FileIO.read(input.path)
            let actual = SHA256.hash(bytes)
            if actual != digest {
                // The file changed between planning and reading: key what was read.
                digest = actual
                key = planner.keyForInput(actual)
            }
            guard let digest, let key else { throw AltbuildError(.internalError, "no key") }
            let previousManifest = state.record(for: input.path)?.manifestDigest.flatMap(store.get)
            let result = try await action.build(input, bytes: bytes, previousManifest: previousManifest)
            // Re-check the input: a deck edited while it was being built must not be cached.
            let statusAfter = FileStatus(path: input.path)
            guard statusAfter == statusBefore else {
                throw AltbuildError(.inputChanged, "the deck changed while it was being built; nothing was written or cached, so it will be built again next run")
            }
            let outputDigest = try store.put(result.output)
            let manifestDigest = try store.put(result.manifest)
            let resultObject = try store.put(Array("output=\(outputDigest.hex)\nmanifest=\(manifestDigest.hex)\n".utf8))
            try actions.record(Self.resultNamespace, key, result: resultObject)
            try writeOutput(result.output, digest: outputDigest, plan: plan)
            let outputStatus = FileStatus(path: plan.outputPath)
            try state.append(TargetRecord(
                target: input.path, status: .succeeded, key: key, inputDigest: digest,
                inputStatus: planner.options.inPlace ? outputStatus : statusAfter,
                statRecordedAt: wallClockNanoseconds(), outputPath: plan.outputPath, outputDigest: outputDigest,
                outputStatus: outputStatus, manifestDigest: manifestDigest, configuration: planner.configuration,
                errorCode: nil, errorMessage: nil, seconds: monotonicSeconds() - start, buildID: buildID,
                finishedAt: wallClockNanoseconds()))
            return TargetOutcome(input: input.path, output: plan.outputPath, status: .built, reason: reason,
                                 detail: result.detail, seconds: monotonicSeconds() - start,
                                 calls: result.calls, cacheHits: result.cacheHits)
        } catch {
            let failure = (error as? AltbuildError)?.at(input.path) ?? AltbuildError(.internalError, "\(error)", path: input.path)
            // A stale output from an earlier success would look current; remove it (never the input itself).
            if !planner.options.inPlace { unlink(plan.outputPath) }
            let seconds = monotonicSeconds() - start
            if let digest, let key {
                try? state.append(TargetRecord(
                    target: input.path, status: .failed, key: key, inputDigest: digest, inputStatus: plan.inputStatus,
                    statRecordedAt: wallClockNanoseconds(), outputPath: plan.outputPath, outputDigest: nil,
                    outputStatus: nil, manifestDigest: nil, configuration: planner.configuration,
                    errorCode: failure.code.rawValue, errorMessage: failure.message, seconds: seconds,
                    buildID: buildID, finishedAt: wallClockNanoseconds()))
            }
            return TargetOutcome(input: input.path, output: plan.outputPath, status: .failed, reason: reason,
                                 error: failure, seconds: seconds)
        }
    }

    /// Writes the output durably; in place, an unchanged deck is not rewritten
    /// so its mtime (and the user's editor) is left alone.
    private func writeOutput(_ bytes: [UInt8], digest: SHA256Digest, plan: TargetPlan) throws {
        if planner.options.inPlace && digest == plan.inputDigest { return }
        try FileIO.writeAtomically(bytes, to: plan.outputPath)
    }
}
