/// The result of running a child: how it ended, its output (stdout whole up
/// to a bound, stderr as a bounded tail), and whether altbuild killed it.
public struct ChildResult: Sendable {
    public var termination: Termination
    public var stdout: [UInt8]
    /// True when stdout went past its bound (the rest was discarded).
    public var stdoutTruncated: Bool
    public var stderrTail: [UInt8]
    public var timedOut: Bool
    public var cancelled: Bool

    public var stdoutTail: String { tailText(stdout) }
    public var stderrText: String { tailText(stderrTail) }
}

/// The last few lines of output, as text for an error report.
public func tailText(_ bytes: [UInt8], limit: Int = 2048) -> String {
    String(decoding: bytes.suffix(limit), as: UTF8.self)
}
