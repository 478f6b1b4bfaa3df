public import ProcessSupport

extension WorkerDeckProcessor {
    /// The workers one build's decks share: at most `jobs` long-lived
    /// `altbuild-worker serve` processes, started as decks need them, each
    /// under `memoryLimit` (`RLIMIT_AS`) for its whole life. The build shuts
    /// the pool down when it ends, Ctrl+C or not.
    public static func pool(executable: String, jobs: Int, memoryLimit: Int, killGrace: Double = 2,
                            environment: [String: String]? = nil) -> WorkerPool {
        let arguments = ["serve"] + (memoryLimit > 0 ? ["--memory-limit", String(memoryLimit)] : [])
        let launch = WorkerLaunch(executable: executable, arguments: arguments, environment: environment,
                                  replyLimit: answerLimit + 1, stderrTailLimit: 4096, killGrace: killGrace)
        return WorkerPool(launch: launch, capacity: jobs, recycling: recycling)
    }

    /// When a healthy worker is replaced: after a deck failed in it (the
    /// likeliest decks to have left a parser in a bad state), after
    /// `requestsPerWorker` requests, and once its address space has grown
    /// `addressSpaceGrowth` past the smallest it was seen at, so that what
    /// earlier decks left allocated never eats far into a later deck's
    /// allowance (and `PooledRequest` retries a deck that still meets it).
    static var recycling: WorkerRecycling {
        WorkerRecycling(maxRequests: requestsPerWorker, maxAddressSpaceGrowth: addressSpaceGrowth,
                        reusableAfter: { WorkerMessages.splitReply($0)?.status == 0 })
    }

    /// Requests a worker serves before a fresh process takes over: 50 decks.
    static let requestsPerWorker = 100
    /// How far a worker's address space may grow before it is replaced.
    static let addressSpaceGrowth = 64 << 20
}
