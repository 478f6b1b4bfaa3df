import AltbuildSupport

/// One worker of a `WorkerPool`: a long-lived child and the thread that
/// talks to it. The thread starts the child, does the requests handed to it
/// one at a time, and ends when the child has to go (it crashed, hung, was
/// cancelled, or is due for recycling) or is retired, always reaping it
/// first. Only the thread touches the child, so no two requests ever share
/// it and no lock guards it; the pool sees only this handle.
final class PooledWorker: Sendable {
    /// How a request went: answered (whether the worker may serve again,
    /// and whether this was its first request), not sent because the worker
    /// had died or misbehaved while idle, or not sent because the worker
    /// could not be started.
    enum Served: Sendable {
        case answered(WorkerAnswer, reusable: Bool, fresh: Bool)
        case unavailable
        case failedToStart(any Error)
    }

    private enum Job: Sendable {
        case exchange([UInt8], CancelFlag, CheckedContinuation<Served, Never>)
        case retire
    }

    private let jobs = JobQueue<Job>()

    /// Starts the thread, which starts the child; `ended` is called on that
    /// thread once the child has been reaped and the thread is about to end.
    init(launch: WorkerLaunch, recycling: WorkerRecycling, stopping: CancelFlag, ended: @escaping @Sendable () -> Void) {
        let jobs = self.jobs
        detachThread {
            Self.serve(launch: launch, recycling: recycling, stopping: stopping, jobs: jobs)
            ended()
        }
    }

    func exchange(_ request: [UInt8], cancel: CancelFlag) async -> Served {
        await withCheckedContinuation { jobs.put(.exchange(request, cancel, $0)) }
    }

    /// Asks the worker to end once idle: its stdin is closed and it is reaped.
    func retire() {
        jobs.put(.retire)
    }

    /// The thread's life: one child, started for the first request and
    /// greeted before it (see `greet`), its requests, then its end.
    private static func serve(launch: WorkerLaunch, recycling: WorkerRecycling, stopping: CancelFlag, jobs: JobQueue<Job>) {
        // The pool starts a worker for one request, so the first job is that request.
        guard case .exchange(var request, var cancel, var continuation) = jobs.take() else { return }
        let child: PersistentChild
        do {
            child = try PersistentChild(launch)
        } catch {
            return continuation.resume(returning: .failedToStart(error))
        }
        defer { child.stop() }
        var usage = WorkerUsage()
        if let failed = greet(child, usage: &usage, cancel: cancel, stopping: stopping) {
            return continuation.resume(returning: .answered(failed, reusable: false, fresh: true))
        }
        while true {
            let answer = child.exchange(request, cancel: cancel, stopping: stopping)
            let reusable = usage.record(answer, addressSpace: child.addressSpace, recycling: recycling)
            continuation.resume(returning: .answered(answer, reusable: reusable, fresh: usage.served == 1))
            guard reusable, case .exchange(let next, let flag, let waiting) = jobs.take() else { return }
            guard child.isIdle else { return waiting.resume(returning: .unavailable) }
            (request, cancel, continuation) = (next, flag, waiting)
        }
    }

    /// The handshake: an empty request, which a worker answers with an empty
    /// reply once it is up. Its address space then is a fresh worker's, the
    /// mark its growth is measured from. Returns what came instead of that
    /// reply (the worker could not start, or ended), for the first request.
    private static func greet(_ child: PersistentChild, usage: inout WorkerUsage, cancel: CancelFlag, stopping: CancelFlag) -> WorkerAnswer? {
        let hello = child.exchange([], cancel: cancel, stopping: stopping)
        guard case .reply(let payload, _) = hello, payload.isEmpty else { return hello }
        usage.start(addressSpace: child.addressSpace)
        return nil
    }
}
