public import AltbuildSupport

/// Long-lived worker processes shared by one build, as Bazel's persistent
/// workers: instead of a process per request, at most `capacity` processes,
/// started when first needed, each answering one framed request at a time
/// (see `Frame`). Isolation is kept per request: a worker that crashes,
/// hangs past its request's deadline or is cancelled is killed, and only
/// that request fails; the next request gets a fresh process. Healthy
/// workers are recycled by `WorkerRecycling`.
///
/// A class because it owns processes. `shutdown` ends them all and waits
/// until each is reaped; a pool dropped without it still retires its idle
/// workers, whose threads reap them.
public final class WorkerPool: Sendable {
    public let capacity: Int
    private let launch: WorkerLaunch
    private let recycling: WorkerRecycling
    private let books: PoolBooks
    /// Set by `shutdown`: any request still running is killed at once.
    private let stopping = CancelFlag()

    public init(launch: WorkerLaunch, capacity: Int, recycling: WorkerRecycling) {
        self.capacity = max(1, capacity)
        self.launch = launch
        self.recycling = recycling
        books = PoolBooks(capacity: max(1, capacity))
    }

    deinit {
        for worker in books.close() { worker.retire() }
    }

    /// How many worker processes this pool has started so far.
    public var started: Int { books.started }

    /// Sends `request` to a worker (waiting for one when all `capacity` are
    /// busy) and returns what came of it, and whether that worker was fresh
    /// (had served no request before). `freshWorker` asks for a new process.
    /// `cancel` kills the worker, as a deadline or Ctrl+C does to any child.
    public func exchange(_ request: [UInt8], cancel: CancelFlag, freshWorker: Bool = false) async throws
        -> (answer: WorkerAnswer, freshWorker: Bool) {
        while true {
            let worker = try await lease(fresh: freshWorker)
            switch await worker.exchange(request, cancel: cancel) {
            case .answered(let answer, let reusable, let fresh):
                if reusable { books.giveBack(worker)?.retire() }
                return (answer, fresh)
            case .unavailable:
                // It died or misbehaved while idle and is gone; the request was not sent.
                continue
            case .failedToStart(let error):
                throw error
            }
        }
    }

    /// Ends every worker: idle ones are asked to exit, running ones killed.
    /// Returns once all are reaped; requests waiting for a worker fail.
    public func shutdown() async {
        stopping.cancel(.interrupt, urgent: true)
        for worker in books.close() { worker.retire() }
        await books.drained()
    }

    private func lease(fresh: Bool) async throws -> PooledWorker {
        switch try await books.lease(fresh: fresh) {
        case .idle(let worker):
            return worker
        case .start:
            let books = self.books
            return PooledWorker(launch: launch, recycling: recycling, stopping: stopping) { books.ended() }
        }
    }
}
