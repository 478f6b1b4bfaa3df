public import AltbuildSupport

/// Why the planner decided what it did for one target, as data: the front
/// end words it (with its own flag names), `explain` shows it, and tests
/// compare it. The engine never writes a sentence a user reads.
public indirect enum BuildReason: Sendable, Equatable {
    case upToDate
    /// No record of an earlier build.
    case new
    case inputMissing
    case inputUnreadable
    /// Rebuilt because the caller asked to ignore the caches.
    case forced
    case inputChanged(from: SHA256Digest?, to: SHA256Digest)
    /// A declared input changed, appeared (`from` nil) or went away (`to` nil).
    case declaredInputChanged(path: String, from: SHA256Digest?, to: SHA256Digest?)
    /// Settings that change outputs differ from the recorded ones.
    case configurationChanged([ConfigurationChange])
    case previousFailure(code: String?, message: String?)
    case keyChanged(from: SHA256Digest?, to: SHA256Digest)
    case requested
    case outputMissing
    case outputModified(from: SHA256Digest?, to: SHA256Digest?)
    /// The output was to be restored, but the store no longer has it.
    case notInCache(BuildReason)
    /// A failure left alone because the caller asked to skip known failures.
    case skippedFailure(BuildReason)
}

/// One setting of the canonical configuration that changed; nil for unset.
public struct ConfigurationChange: Sendable, Equatable {
    public var name: String
    public var from: String?
    public var to: String?

    public init(name: String, from: String?, to: String?) {
        self.name = name
        self.from = from
        self.to = to
    }
}

/// Why scheduling stopped before every target was started.
public enum StopReason: Sendable, Equatable {
    /// `failed` targets failed, reaching the limit of `limit`.
    case failureCount(failed: Int, limit: Int)
    /// More than `rate` of `finished` targets failed, once `minimumSample` had finished.
    case failureRate(failed: Int, finished: Int, rate: Double, minimumSample: Int)
}
