import AltbuildSupport
public import Logging
#if canImport(Glibc)
import Glibc
#endif

/// Runs planned targets: restores what the store already has, builds the
/// rest through the `TargetAction`, and records every finished target in the
/// state log at once, so an interrupted build loses only the target in flight.
/// A target's writes (objects, action entry, output, declared updates) skip
/// per-file fsyncs; its record is committed after one sync of the
/// filesystems holding them (`StateLog.commit`).
///
/// A class because it owns the state log for the duration of a build.
public final class BuildExecutor: Sendable {
    public let state: StateLog
    public let store: ContentStore
    public let actions: ActionCache
    public let planner: Planner
    public let action: any TargetAction
    public let buildID: String
    let outputPathFor: @Sendable (DiscoveredInput) -> String
    /// Checked before every write, so no output lands outside the output folder.
    let confinement: OutputConfinement
    /// Where bookkeeping failures go (a state record that could not be
    /// written, a compaction that failed): they do not fail a target, but
    /// they are never silent either.
    let logger: Logger

    static let resultNamespace = "targets"

    public init(state: StateLog, store: ContentStore, actions: ActionCache, planner: Planner,
                action: any TargetAction, buildID: String, confinement: OutputConfinement, logger: Logger,
                outputPath: @escaping @Sendable (DiscoveredInput) -> String) {
        self.state = state
        self.store = store
        self.actions = actions
        self.planner = planner
        self.action = action
        self.buildID = buildID
        outputPathFor = outputPath
        self.confinement = confinement
        self.logger = logger
    }

    public func plan(_ input: DiscoveredInput) -> TargetPlan {
        planner.plan(input, outputPath: outputPathFor(input), record: state.record(for: input.path))
    }

    /// Plans for all of `inputs`, in order. Planning is `stat` calls and
    /// record decoding, so it is spread over the cores.
    public func plans(_ inputs: [DiscoveredInput]) -> [TargetPlan] {
        inputs.concurrentMap { self.plan($0) }
    }

    /// Builds `inputs`: plans each in order (cheap, from metadata), reports
    /// up-to-date targets at once, and runs the rest `execution.jobs` at a
    /// time, each within its deadline. Outcomes are reported as they finish;
    /// none is kept, so memory does not grow with the number of targets or
    /// failures. Stops scheduling on interrupt or when the failure limits are
    /// reached, and says why in the result.
    public func run(_ inputs: [DiscoveredInput], execution: ExecutionOptions = ExecutionOptions(),
                    interrupt: BuildInterrupt = BuildInterrupt(),
                    report: @escaping (TargetOutcome, Int, Int) -> Void) async -> BuildResult {
        var summary = BuildSummary()
        var work: [(index: Int, plan: TargetPlan)] = []
        let planned = plans(inputs)
        refreshFileStatuses(planned, &summary)
        for (index, plan) in planned.enumerated() {
            if let outcome = plan.settledOutcome {
                summary.add(outcome)
                report(outcome, index + 1, inputs.count)
            } else {
                work.append((index, plan))
            }
        }
        var stopReason: StopReason?
        var next = 0
        var finished = 0
        await withTaskGroup(of: (Int, TargetOutcome).self) { group in
            func scheduleNext() {
                guard stopReason == nil, !interrupt.stopRequested, next < work.count else { return }
                let item = work[next]
                next += 1
                group.addTask { (item.index, await self.runWithDeadline(item.plan, timeout: execution.timeout, interrupt: interrupt)) }
            }
            for _ in 0..<max(1, execution.jobs) { scheduleNext() }
            while let (index, outcome) = await group.next() {
                summary.add(outcome)
                if outcome.status != .interrupted { finished += 1 }
                report(outcome, index + 1, inputs.count)
                if stopReason == nil { stopReason = execution.stopReason(failed: summary.failed, finished: finished) }
                scheduleNext()
            }
        }
        summary.notStarted = work.count - next
        keepBooks(&summary, "compact the state log") { try state.compactIfNeeded() }
        return BuildResult(summary: summary, stopReason: stopReason, interrupted: interrupt.stopRequested)
    }

    /// Records the fresh file statuses of up-to-date targets whose stat
    /// changed but whose bytes did not (a touched deck, a racily clean one
    /// re-hashed), all with one append and one fsync rather than one per
    /// target. Batched rather than left unsynced: it costs one fsync, and the
    /// refreshed records name no new data, so nothing needs syncing before
    /// them. Lost in a crash, they would only cost a re-hash next time.
    private func refreshFileStatuses(_ plans: [TargetPlan], _ summary: inout BuildSummary) {
        let refreshed = plans.compactMap(\.refreshedRecord)
        guard !refreshed.isEmpty else { return }
        keepBooks(&summary, "refresh the file status of \(refreshed.count) targets") { try state.append(contentsOf: refreshed) }
    }

    /// Runs one target with its deadline: when time is up, its cancel flag is
    /// set, which the action answers by stopping its child processes.
    func runWithDeadline(_ plan: TargetPlan, timeout: Double?, interrupt: BuildInterrupt) async -> TargetOutcome {
        let cancel = CancelFlag(parent: interrupt.work)
        guard let timeout else { return await execute(plan, cancel: cancel) }
        return await withTaskGroup(of: TargetOutcome?.self) { group in
            group.addTask { await self.execute(plan, cancel: cancel) }
            group.addTask {
                // Cancelled when the target finished first: then there is nothing to time out.
                try? await Task.sleep(nanoseconds: UInt64(timeout * 1e9))
                if !Task.isCancelled { cancel.cancel(.timeout, timeLimit: timeout) }
                return nil
            }
            var result: TargetOutcome?
            while let next = await group.next() {
                if let next {
                    result = next
                    group.cancelAll()
                }
            }
            return result ?? TargetOutcome(input: plan.input.path, output: plan.outputPath, status: .failed,
                                           error: AltbuildError(.internalError, "no outcome", path: plan.input.path))
        }
    }

    func execute(_ plan: TargetPlan, cancel: CancelFlag) async -> TargetOutcome {
        let start = monotonicSeconds()
        if let settled = plan.settledOutcome { return settled }
        if case .restore(let reason) = plan.decision {
            // The result the key maps to, or (an older record) the state's own word for the output.
            let recorded = await cachedResult(plan) ?? state.record(for: plan.input.path).flatMap { record in
                record.outputDigest.map { TargetResult(output: $0, manifest: record.manifestDigest) }
            }
            if let recorded, let outcome = await restore(plan, recorded, reason: reason, start: start, cancel: cancel) {
                return outcome
            }
            return await build(plan, reason: .notInCache(reason), start: start, cancel: cancel)
        }
        let reason = plan.decision.reason
        if !planner.options.force, let recorded = await cachedResult(plan),
           let outcome = await restore(plan, recorded, reason: reason, start: start, cancel: cancel) {
            return outcome
        }
        return await build(plan, reason: reason, start: start, cancel: cancel)
    }

    /// The result the action cache (or the remote cache behind it) holds for
    /// the plan's key, if any, with the objects a restore reads brought from
    /// the remote cache at once, rather than one round trip at a time.
    private func cachedResult(_ plan: TargetPlan) async -> TargetResult? {
        guard let key = plan.key,
              let recorded = await actions.fetchResult(Self.resultNamespace, key, store: store).flatMap(TargetResult.decode)
        else { return nil }
        await store.pull(recorded.objects)
        return recorded
    }

    // MARK: - Restoring

    /// Puts a cached result in place, or nil (a miss: build) when the store
    /// lacks a piece or the output made from the recipe is not the one recorded.
    private func restore(_ plan: TargetPlan, _ recorded: TargetResult, reason: BuildReason, start: Double,
                         cancel: CancelFlag) async -> TargetOutcome? {
        guard let key = plan.key, let inputDigest = plan.inputDigest,
              let made = await output(of: recorded, plan: plan, cancel: cancel) else { return nil }
        defer { made.discard() }
        var updates: [String: [UInt8]] = [:]
        for (declared, digest) in zip(plan.declaredInputs, recorded.declaredUpdates ?? []) {
            guard let digest else { continue }
            guard let content = await store.fetch(digest) else { return nil }
            updates[declared.path] = content
        }
        do {
            try writeOutput(made, digest: recorded.output, plan: plan)
            let declared = try writeDeclaredUpdates(updates, plan: plan)
            try recordSuccess(plan, key: key, inputDigest: inputDigest, inputStatus: plan.inputStatus,
                              outputDigest: recorded.output, manifest: recorded.manifest, declared: declared, start: start)
            return TargetOutcome(input: plan.input.path, output: plan.outputPath, status: .restored, reason: reason,
                                 detail: "restored from cache", seconds: monotonicSeconds() - start)
        } catch {
            return nil
        }
    }

    /// The recorded output: made from the input and the recipe and checked
    /// against the recorded digest, or from the store when it holds the
    /// output whole (results of older versions, actions without recipes).
    ///
    /// Any failure here is a miss, not an error: the build that follows is
    /// always correct, and reports its own failure if the deck has one.
    private func output(of recorded: TargetResult, plan: TargetPlan, cancel: CancelFlag) async -> ActionOutput? {
        guard let recipeDigest = recorded.recipe else { return await store.fetch(recorded.output).map(ActionOutput.bytes) }
        // A file that changed since planning is not the input this result was recorded for.
        guard let recipe = await store.fetch(recipeDigest), let input = try? currentInput(plan), input.digest == plan.inputDigest
        else { return nil }
        do {
            let made = try await action.materialize(plan.input, digest: input.digest, recipe: recipe, cancel: cancel)
            guard made.digest(input: input.digest) == recorded.output else {
                made.discard()
                return nil
            }
            return made
        } catch {
            return nil
        }
    }

    /// Records a finished target once its output is in place. In place, the
    /// input file is the output just written, so that is the status to trust.
    /// Committed: the filesystems holding the store, the output and the
    /// declared inputs written are synced before the record is appended, so
    /// the record never names an object or output that is not on disk.
    private func recordSuccess(_ plan: TargetPlan, key: SHA256Digest, inputDigest: SHA256Digest, inputStatus: FileStatus?,
                               outputDigest: SHA256Digest, manifest: SHA256Digest?, declared: [DeclaredInput],
                               start: Double) throws {
        let outputStatus = FileStatus(path: plan.outputPath)
        let rewritten = zip(plan.declaredInputs, declared).filter { $0.digest != $1.digest }.map { FileIO.parentDirectory(of: $1.path) }
        let written = [store.root, FileIO.parentDirectory(of: plan.outputPath)] + rewritten
        try state.commit(TargetRecord(
            target: plan.input.path, status: .succeeded, key: key, inputDigest: inputDigest,
            inputStatus: planner.options.inPlace ? outputStatus : inputStatus,
            statRecordedAt: wallClockNanoseconds(), outputPath: plan.outputPath, outputDigest: outputDigest,
            outputStatus: outputStatus, manifestDigest: manifest, configuration: planner.configuration,
            errorCode: nil, errorMessage: nil, seconds: monotonicSeconds() - start, buildID: buildID,
            finishedAt: wallClockNanoseconds()).declaring(declared), dataIn: written)
    }

    // MARK: - Building

    private func build(_ plan: TargetPlan, reason: BuildReason, start: Double, cancel: CancelFlag) async -> TargetOutcome {
        let input = plan.input
        var keyed = (digest: plan.inputDigest, key: plan.key)
        var made: ActionOutput?
        defer { made?.discard() }
        do {
            let read = try currentInput(plan)
            keyed = (read.digest, read.key)
            let previousManifest = state.record(for: input.path)?.manifestDigest.flatMap(store.get)
            let result = try await action.build(input, digest: read.digest, previousManifest: previousManifest, cancel: cancel)
            made = result.output
            if cancel.isCancelled { throw cancellationError(cancel, path: input.path) }
            // Re-check the input: one edited while it was being built must not be cached.
            let statusAfter = FileStatus(path: input.path)
            guard statusAfter == read.status else {
                throw AltbuildError(.inputChanged, "the input changed while it was being built; nothing was written or cached, so it will be built again next run")
            }
            let stored = try keepResult(result, key: read.key, input: (input.path, read.digest), declared: plan.declaredInputs)
            try writeOutput(result.output, digest: stored.output, plan: plan)
            let declared = try writeDeclaredUpdates(result.declaredUpdates, plan: plan)
            try recordSuccess(plan, key: read.key, inputDigest: read.digest, inputStatus: statusAfter,
                              outputDigest: stored.output, manifest: stored.manifest, declared: declared, start: start)
            await actions.share(Self.resultNamespace, read.key, with: stored.objects)
            var outcome = TargetOutcome(input: input.path, output: plan.outputPath, status: .built, reason: reason,
                                        detail: result.detail, seconds: monotonicSeconds() - start,
                                        calls: result.calls, cacheHits: result.cacheHits)
            outcome.warnings = result.warnings
            return outcome
        } catch {
            return failed(plan, error: error, reason: reason, digest: keyed.digest, key: keyed.key, start: start, cancel: cancel)
        }
    }

    /// The input's digest and key now, and its status (to compare with after
    /// the build). A file whose status is what planning saw has the digest
    /// planning took: it is not read again here, since the action checks the
    /// bytes it reads against that digest anyway. One that changed since is
    /// hashed (streamed) and keyed anew.
    private func currentInput(_ plan: TargetPlan) throws -> (status: FileStatus?, digest: SHA256Digest, key: SHA256Digest) {
        let status = FileStatus(path: plan.input.path)
        if let status, status == plan.inputStatus, let digest = plan.inputDigest, let key = plan.key {
            return (status, digest, key)
        }
        let digest = try SHA256.hash(contentsOf: plan.input.path)
        if digest == plan.inputDigest, let key = plan.key { return (status, digest, key) }
        let base = planner.keyForInput(digest)
        return (status, digest, plan.declaredInputs.isEmpty ? base : DeclaredInput.key(base, plan.declaredInputs))
    }

    /// Puts the output, the manifest and the result record in the store, and
    /// maps the key to the record in the action cache.
    private func keepResult(_ result: ActionResult, key: SHA256Digest, input: (path: String, digest: SHA256Digest),
                            declared: [DeclaredInput]) throws -> TargetResult {
        let updates = try declared.map { input in try result.declaredUpdates[input.path].map { try store.put($0) } }
        // With a recipe only the recipe is kept: the output is made again from it on restore.
        let recipe = try result.recipe.map { try store.put($0) }
        let output = recipe == nil ? try store.put(try result.output.contents(inputPath: input.path))
                                   : result.output.digest(input: input.digest)
        let stored = TargetResult(output: output, manifest: try store.put(result.manifest),
                                  declaredUpdates: updates.contains { $0 != nil } ? updates : nil, recipe: recipe)
        try actions.record(Self.resultNamespace, key, result: try store.put(try stored.encoded()))
        return stored
    }

    /// The outcome of a build that threw: interrupted (not recorded), or
    /// failed (its stale output removed and the failure recorded, so the
    /// next run retries it and `explain` can say why).
    private func failed(_ plan: TargetPlan, error: any Error, reason: BuildReason, digest: SHA256Digest?, key: SHA256Digest?,
                        start: Double, cancel: CancelFlag) -> TargetOutcome {
        let input = plan.input
        var failure = (error as? AltbuildError)?.at(input.path) ?? AltbuildError(.internalError, "\(error)", path: input.path)
        if cancel.isCancelled {
            let cause = cancellationError(cancel, path: input.path)
            failure.details.merge(["cause": "\(failure.code): \(failure.message)"]) { old, _ in old }
            failure.code = cause.code
            failure.message = cause.message
        }
        let seconds = monotonicSeconds() - start
        if failure.code == .interrupted {
            // In flight when the build was interrupted: not a failure of the target, and not recorded.
            return TargetOutcome(input: input.path, output: plan.outputPath, status: .interrupted, reason: reason,
                                 error: failure, seconds: seconds)
        }
        // A stale output from an earlier success would look current; remove it (never the input itself).
        if !planner.options.inPlace { unlink(plan.outputPath) }
        var outcome = TargetOutcome(input: input.path, output: plan.outputPath, status: .failed, reason: reason,
                                    error: failure, seconds: seconds)
        guard let digest, let key else { return outcome }
        keepBooks(&outcome.bookkeepingFailures, "record the failure of \(input.path)") { try state.append(TargetRecord(
            target: input.path, status: .failed, key: key, inputDigest: digest, inputStatus: plan.inputStatus,
            statRecordedAt: wallClockNanoseconds(), outputPath: plan.outputPath, outputDigest: nil,
            outputStatus: nil, manifestDigest: nil, configuration: planner.configuration,
            errorCode: failure.code.rawValue, errorMessage: failure.message, seconds: seconds,
            buildID: buildID, finishedAt: wallClockNanoseconds()).declaring(plan.declaredInputs)) }
        return outcome
    }

    private func cancellationError(_ cancel: CancelFlag, path: String) -> AltbuildError {
        if cancel.reason == .timeout {
            return AltbuildError(.timedOut, "timed out after \(formatDuration(cancel.timeLimit ?? 0))", path: path)
        }
        return cancel.error(path: path)
    }

    /// Writes the output, made durable with the target's commit; in place, an
    /// unchanged input is not rewritten so its mtime (and the user's editor)
    /// is left alone, and a changed one is fsynced before it replaces the
    /// person's deck.
    private func writeOutput(_ output: ActionOutput, digest: SHA256Digest, plan: TargetPlan) throws {
        if planner.options.inPlace && digest == plan.inputDigest { return }
        try confinement.check(plan.outputPath)
        let durability: FileIO.Durability = planner.options.inPlace ? .deferredKeepingOld : .deferred
        switch output {
        case .input: try FileIO.copyAtomically(plan.input.path, to: plan.outputPath, durability: durability)
        case .file(let path, _): try FileIO.place(path, at: plan.outputPath, durability: durability)
        case .bytes(let bytes): try FileIO.writeAtomically(bytes, to: plan.outputPath, durability: durability)
        }
    }

    /// Writes the declared inputs the action rewrote and returns the declared
    /// inputs as they now are. A file that changed since planning (a person
    /// saved a review meanwhile) is not overwritten: the target fails with
    /// `E_INPUT_CHANGED` and is built again next run, from the new file.
    private func writeDeclaredUpdates(_ updates: [String: [UInt8]], plan: TargetPlan) throws -> [DeclaredInput] {
        try plan.declaredInputs.map { planned in
            guard let bytes = updates[planned.path] else { return planned }
            let digest = SHA256.hash(bytes)
            if digest == planned.digest { return planned }
            let now = DeclaredInput.now(planned.path, recorded: nil, recordedAt: 0)
            guard now.digest == planned.digest else {
                throw AltbuildError(.inputChanged, "\(planned.path) changed while the target was being built; it was not overwritten, and the target will be built again next run")
            }
            // A person may have written this file (a review file): never risk both versions in a crash.
            try FileIO.writeAtomically(bytes, to: planned.path, durability: .deferredKeepingOld)
            return DeclaredInput(path: planned.path, digest: digest, status: FileStatus(path: planned.path))
        }
    }

    // MARK: - Bookkeeping

    /// Runs a bookkeeping write; a failure is logged with what it was for
    /// and counted, so the summary can say the state may be behind.
    private func keepBooks(_ failures: inout Int, _ what: String, _ write: () throws -> Void) {
        do {
            try write()
        } catch {
            failures += 1
            logger.error("could not \(what): \(error)", metadata: ["event": "bookkeeping"])
        }
    }

    private func keepBooks(_ summary: inout BuildSummary, _ what: String, _ write: () throws -> Void) {
        keepBooks(&summary.bookkeepingFailures, what, write)
    }
}
