public import AltbuildSupport

/// Decides, from file metadata first and content only when metadata cannot
/// be trusted, whether each target is up to date, can be restored, or must
/// be built, and says why in words as precise as `ninja -d explain`.
public struct Planner: Sendable {
    public let options: BuildOptions
    /// The canonical configuration (`name=value` lines) that enters every key.
    public let configuration: String
    let keyForInput: @Sendable (SHA256Digest) -> SHA256Digest

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
        var rehashed = false
        if let digest = trustedDigest(of: status, record: record) {
            plan.inputDigest = digest
        } else {
            // The build reads the input again and reports the real error with the target's failure.
            guard let bytes = try? FileIO.read(input.path) else {
                plan.decision = .build(reason: .inputUnreadable)
                return plan
            }
            // The bytes are not kept: plans are made for every target at once, and
            // the build reads its input again (checking the digest) when its turn comes.
            plan.inputDigest = SHA256.hash(bytes)
            rehashed = true
        }
        guard let digest = plan.inputDigest else { return plan }
        // The same input and configuration as recorded means the same key: skip hashing it.
        let key = (record.map { $0.inputDigest == digest && $0.configuration == configuration } ?? false)
            ? record?.key ?? keyForInput(digest) : keyForInput(digest)
        plan.key = key
        if options.force {
            plan.decision = .build(reason: .forced)
            return plan
        }
        guard let record else { return plan }

        if options.inPlace {
            if record.status == .succeeded, record.outputDigest == digest, record.configuration == configuration {
                plan.decision = .upToDate
                if rehashed { plan.refreshedRecord = refreshed(record, input: status, output: status) }
            } else {
                plan.decision = .build(reason: changeReason(record: record, digest: digest, key: key, inPlace: true))
            }
            return plan
        }

        if record.key != key || record.status == .failed {
            let reason = changeReason(record: record, digest: digest, key: key, inPlace: false)
            if record.status == .failed && record.key == key && options.skipFailed {
                plan.decision = .skipFailed(reason: .skippedFailure(reason))
            } else {
                plan.decision = .build(reason: reason)
            }
            return plan
        }
        // Same key, built before: is the output still what was written?
        guard let outputStatus = FileStatus(path: outputPath) else {
            plan.decision = .restore(reason: .outputMissing)
            return plan
        }
        if outputStatus == record.outputStatus && !outputStatus.isRacy(recordedAt: record.statRecordedAt) {
            plan.decision = .upToDate
            if rehashed { plan.refreshedRecord = refreshed(record, input: status, output: outputStatus) }
            return plan
        }
        // An output that cannot be read is as good as modified: it is restored from the store.
        let outputDigest = (try? FileIO.read(outputPath)).map(SHA256.hash)
        if let outputDigest, outputDigest == record.outputDigest {
            plan.decision = .upToDate
            plan.refreshedRecord = refreshed(record, input: status, output: outputStatus)
        } else {
            plan.decision = .restore(reason: .outputModified(from: record.outputDigest, to: outputDigest))
        }
        return plan
    }

    /// The recorded digest, if the file's stat matches what was recorded and
    /// the record is not racily clean.
    private func trustedDigest(of status: FileStatus, record: TargetRecord?) -> SHA256Digest? {
        guard let record, !status.isRacy(recordedAt: record.statRecordedAt) else { return nil }
        if status == record.inputStatus { return record.inputDigest }
        // In place, the input file is the output altbuild wrote.
        if options.inPlace, status == record.outputStatus { return record.outputDigest }
        return nil
    }

    private func refreshed(_ record: TargetRecord, input: FileStatus, output: FileStatus) -> TargetRecord {
        var copy = record
        copy.inputStatus = input
        copy.outputStatus = output
        copy.statRecordedAt = wallClockNanoseconds()
        return copy
    }

    /// The most specific reason a target's key changed or its last build does not count.
    func changeReason(record: TargetRecord, digest: SHA256Digest, key: SHA256Digest, inPlace: Bool) -> BuildReason {
        let previousInput = inPlace ? (record.outputDigest ?? record.inputDigest) : record.inputDigest
        if previousInput != digest { return .inputChanged(from: previousInput, to: digest) }
        if record.configuration != configuration {
            return .configurationChanged(configurationChanges(from: record.configuration, to: configuration))
        }
        if record.status == .failed { return .previousFailure(code: record.errorCode, message: record.errorMessage) }
        if record.key != key { return .keyChanged(from: record.key, to: key) }
        return .requested
    }

    /// The settings that differ, sorted by name.
    func configurationChanges(from old: String, to new: String) -> [ConfigurationChange] {
        let before = Self.pairs(old)
        let after = Self.pairs(new)
        return Set(before.keys).union(after.keys).sorted().compactMap { name in
            before[name] == after[name] ? nil : ConfigurationChange(name: name, from: before[name], to: after[name])
        }
    }

    static func pairs(_ text: String) -> [String: String] {
        var result: [String: String] = [:]
        for line in text.split(separator: "\n") {
            guard let eq = line.firstIndex(of: "=") else { continue }
            result[String(line[..<eq])] = String(line[line.index(after: eq)...])
        }
        return result
    }
}
