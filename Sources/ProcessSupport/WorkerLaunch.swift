/// How a pool starts each worker, and the bounds on what it may send back.
public struct WorkerLaunch: Sendable {
    public var executable: String
    /// The arguments that make the executable a long-lived worker, and the
    /// settings it keeps for life (an address-space limit).
    public var arguments: [String]
    public var environment: [String: String]?
    /// The most a reply may hold; a worker announcing more is killed.
    public var replyLimit: Int
    /// How much of the end of stderr each request keeps, for its error report.
    public var stderrTailLimit: Int
    /// Seconds between SIGTERM and SIGKILL when a request is cancelled, and
    /// the time a retired worker has to exit once its stdin is closed.
    public var killGrace: Double

    public init(executable: String, arguments: [String], environment: [String: String]? = nil,
                replyLimit: Int = 64 << 20, stderrTailLimit: Int = 4096, killGrace: Double = 2) {
        self.executable = executable
        self.arguments = arguments
        self.environment = environment
        self.replyLimit = replyLimit
        self.stderrTailLimit = stderrTailLimit
        self.killGrace = killGrace
    }
}
