/// What to run and with which limits.
public struct ChildSpec: Sendable {
    public var executable: String
    public var arguments: [String]
    public var environment: [String: String]?
    /// Sent to the child's stdin, then stdin is closed.
    public var stdin: [UInt8]
    /// Keep at most this much of stdout (the start) and of stderr (the end).
    public var stdoutLimit: Int
    public var stderrTailLimit: Int
    /// Seconds until the child's process group gets SIGTERM, then SIGKILL after `killGrace`.
    public var timeout: Double?
    public var killGrace: Double

    public init(executable: String, arguments: [String], environment: [String: String]? = nil, stdin: [UInt8] = [],
                stdoutLimit: Int = 64 << 20, stderrTailLimit: Int = 4096, timeout: Double? = nil, killGrace: Double = 2) {
        self.executable = executable
        self.arguments = arguments
        self.environment = environment
        self.stdin = stdin
        self.stdoutLimit = stdoutLimit
        self.stderrTailLimit = stderrTailLimit
        self.timeout = timeout
        self.killGrace = killGrace
    }
}
