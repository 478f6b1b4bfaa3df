import Dispatch
import Synchronization

/// Jobs for one thread, in order: `put` from anywhere, `take` blocks the
/// thread until one comes. A class because the queue is shared between the
/// pool, which hands out jobs, and the thread that does them.
final class JobQueue<Job: Sendable>: Sendable {
    private let jobs = Mutex<[Job]>([])
    private let ready = DispatchSemaphore(value: 0)

    func put(_ job: Job) {
        jobs.withLock { $0.append(job) }
        ready.signal()
    }

    func take() -> Job {
        while true {
            ready.wait()
            if let job = jobs.withLock({ $0.isEmpty ? nil : $0.removeFirst() }) { return job }
        }
    }
}
