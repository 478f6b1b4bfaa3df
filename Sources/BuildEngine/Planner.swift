public import AltbuildSupport

/// Decides, from file metadata first and content only when metadata cannot
/// be trusted, whether each target is up to date, can be restored, or must
/// be built, and says why in words as precise as `ninja -d explain`.
public struct Planner: Sendable {
    public let options: BuildOptions
    /// The canonical configuration (`name=value` lines) that enters every key.
    public let configuration: String
    let keyForInput: @Sendable (SHA256Digest) -> SHA256Digest
    /// Digests this build already took, shared by its plannings; nil hashes every time.
    public var digests: DigestMemo?

    public init(options: BuildOptions, configuration: String, keyForInput: @escaping @Sendable (SHA256Digest) -> SHA256Digest) {
        self.options = options
        self.configuration = configuration
        self.keyForInput = keyForInput
    }

    public func plan(_ input: DiscoveredInput, outputPath: String, record: TargetRecord?) -> TargetPlan {
        var plan = TargetPlan(input: input, outputPath: outputPath, decision: .build(reason: .new))
        guard let status = FileStatus(path: input.path) else {
            plan.decision = .build(reason: .inputMissing)
            return plan
        }
        plan.inputStatus = status
        guard let (digest, rehashed) = inputDigest(input.path, status: status, record: record) else {
            plan.decision = .build(reason: .inputUnreadable)
            return plan
        }
        plan.inputDigest = digest
        let observed = input.declaredInputs.map { path in
            DeclaredInput.observe(path, recorded: record?.declaredInputs.first { $0.path == path }, recordedAt: record?.statRecordedAt ?? 0)
        }
        plan.declaredInputs = observed.map(\.input)
        let key = key(digest, declared: plan.declaredInputs, record: record)
        plan.key = key
        if options.force {
            plan.decision = .build(reason: .forced)
        } else if let record {
            let current = Current(status: status, digest: digest, key: key,
                                  rehashed: rehashed || observed.contains { $0.rehashed }, declared: plan.declaredInputs)
            (plan.decision, plan.refreshedRecord) = options.inPlace
                ? decideInPlace(record: record, current)
                : decide(record: record, current, outputPath: outputPath)
        }
        return plan
    }

    /// The action key: the input's digest under the configuration, and the
    /// declared inputs' paths and digests when there are any. The same inputs
    /// and configuration as recorded mean the same key: hashing is skipped.
    private func key(_ digest: SHA256Digest, declared: [DeclaredInput], record: TargetRecord?) -> SHA256Digest {
        if let record, record.inputDigest == digest, record.configuration == configuration,
           record.declaredInputs.map(\.digest) == declared.map(\.digest),
           record.declaredInputs.map(\.path) == declared.map(\.path) {
            return record.key
        }
        let base = keyForInput(digest)
        return declared.isEmpty ? base : DeclaredInput.key(base, declared)
    }

    /// What planning learnt about the input now.
    struct Current {
        var status: FileStatus
        var digest: SHA256Digest
        var key: SHA256Digest
        /// The input or a declared input was read and hashed because its stat could not be trusted.
        var rehashed: Bool
        var declared: [DeclaredInput]
    }

    /// The input's digest, from the record when its stat can be trusted, else
    /// by reading it (and then `rehashed` is true); nil if it cannot be read.
    private func inputDigest(_ path: String, status: FileStatus, record: TargetRecord?) -> (SHA256Digest, Bool)? {
        if let digest = trustedDigest(of: status, record: record) { return (digest, false) }
        // The build reads the input again and reports the real error with the target's failure.
        // Hashed streamed: plans are made for every target at once, and the
        // action reads its input again (checking the digest) when its turn comes.
        if let digests { return (try? digests.digest(of: path, status: status)).map { ($0, true) } }
        return (try? SHA256.hash(contentsOf: path)).map { ($0, true) }
    }

    /// In place the input is the output: up to date when it is what was written.
    private func decideInPlace(record: TargetRecord, _ now: Current) -> (Decision, TargetRecord?) {
        guard record.status == .succeeded, record.outputDigest == now.digest, record.configuration == configuration,
              declaredChange(record: record, now: now.declared) == nil else {
            return (.build(reason: changeReason(record: record, digest: now.digest, key: now.key, declared: now.declared, inPlace: true)), nil)
        }
        return (.upToDate, needsRefresh(record, now) ? refreshed(record, now, output: now.status) : nil)
    }

    /// A new key or an earlier failure means building; the same key means
    /// checking that the output is still what was written.
    private func decide(record: TargetRecord, _ now: Current, outputPath: String) -> (Decision, TargetRecord?) {
        if record.key != now.key || record.status == .failed {
            let reason = changeReason(record: record, digest: now.digest, key: now.key, declared: now.declared, inPlace: false)
            let skip = record.status == .failed && record.key == now.key && options.skipFailed
            return (skip ? .skipFailed(reason: .skippedFailure(reason)) : .build(reason: reason), nil)
        }
        guard let outputStatus = FileStatus(path: outputPath) else { return (.restore(reason: .outputMissing), nil) }
        if outputStatus == record.outputStatus && !outputStatus.isRacy(recordedAt: record.statRecordedAt) {
            return (.upToDate, needsRefresh(record, now) ? refreshed(record, now, output: outputStatus) : nil)
        }
        // An output that cannot be read is as good as modified: it is restored from the store.
        let outputDigest = try? SHA256.hash(contentsOf: outputPath)
        guard let outputDigest, outputDigest == record.outputDigest else {
            return (.restore(reason: .outputModified(from: record.outputDigest, to: outputDigest)), nil)
        }
        return (.upToDate, refreshed(record, now, output: outputStatus))
    }

    /// The recorded digest, if the file's stat matches what was recorded and
    /// the record is not racily clean.
    private func trustedDigest(of status: FileStatus, record: TargetRecord?) -> SHA256Digest? {
        guard let record, !status.isRacy(recordedAt: record.statRecordedAt) else { return nil }
        // In place, the input file is the output altbuild wrote, and the
        // record's input digest is of the deck before it was rewritten: the
        // output's must be asked first.
        if options.inPlace, status == record.outputStatus, let written = record.outputDigest { return written }
        return status == record.inputStatus ? record.inputDigest : nil
    }

    /// Whether the record's file statuses are behind (a file was re-hashed
    /// and found unchanged): saving fresh ones keeps the next no-op cheap.
    private func needsRefresh(_ record: TargetRecord, _ now: Current) -> Bool {
        now.rehashed || now.declared != record.declaredInputs
    }

    private func refreshed(_ record: TargetRecord, _ now: Current, output: FileStatus) -> TargetRecord {
        var copy = record
        copy.inputStatus = now.status
        copy.outputStatus = output
        copy.declaredInputs = now.declared
        copy.statRecordedAt = wallClockNanoseconds()
        return copy
    }

    /// The most specific reason a target's key changed or its last build does not count.
    func changeReason(record: TargetRecord, digest: SHA256Digest, key: SHA256Digest, declared: [DeclaredInput] = [],
                      inPlace: Bool) -> BuildReason {
        let previousInput = inPlace ? (record.outputDigest ?? record.inputDigest) : record.inputDigest
        if previousInput != digest { return .inputChanged(from: previousInput, to: digest) }
        if let change = declaredChange(record: record, now: declared) { return change }
        if record.configuration != configuration {
            return .configurationChanged(configurationChanges(from: record.configuration, to: configuration))
        }
        if record.status == .failed { return .previousFailure(code: record.errorCode, message: record.errorMessage) }
        if record.key != key { return .keyChanged(from: record.key, to: key) }
        return .requested
    }

    /// The first declared input whose content differs from the record's.
    func declaredChange(record: TargetRecord, now: [DeclaredInput]) -> BuildReason? {
        for input in now {
            let before = record.declaredInputs.first { $0.path == input.path }?.digest
            if before != input.digest { return .declaredInputChanged(path: input.path, from: before, to: input.digest) }
        }
        return nil
    }

    /// The settings that differ, sorted by name. A configuration this
    /// altbuild cannot read (an older format) differs as a whole.
    func configurationChanges(from old: String, to new: String) -> [ConfigurationChange] {
        guard let before = ConfigurationText.settings(old), let after = ConfigurationText.settings(new) else { return [] }
        return Set(before.keys).union(after.keys).sorted().compactMap { name in
            before[name] == after[name] ? nil : ConfigurationChange(name: name, from: before[name], to: after[name])
        }
    }
}
