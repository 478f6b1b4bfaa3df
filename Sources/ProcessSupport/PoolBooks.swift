import AltbuildSupport
import Synchronization

/// A pool's accounts: idle workers, how many processes are alive (idle,
/// busy or being reaped, never more than the capacity), and who waits for
/// one. A class apart from the pool because worker threads report their end
/// here, and must not keep the pool itself alive.
final class PoolBooks: Sendable {
    enum Lease: Sendable {
        case idle(PooledWorker)
        /// Room for one more process: the caller starts it.
        case start
    }

    /// A request waiting for a worker; a fresh one takes only a new process.
    private struct Waiter {
        let fresh: Bool
        let continuation: CheckedContinuation<Lease, any Error>
    }

    private struct State {
        var idle: [PooledWorker] = []
        var alive = 0
        var started = 0
        var waiting: [Waiter] = []
        var closed = false
        var drained: [CheckedContinuation<Void, Never>] = []
    }

    private let capacity: Int
    private let state = Mutex(State())

    init(capacity: Int) { self.capacity = capacity }

    var started: Int { state.withLock { $0.started } }

    /// The most recently used idle worker (unless `fresh`), else room to
    /// start one, else a wait until a worker is given back or ends. A fresh
    /// lease with every place taken retires an idle worker to make room.
    func lease(fresh: Bool) async throws -> Lease {
        try await withCheckedThrowingContinuation { continuation in
            var retiring: PooledWorker?
            let now: Result<Lease, any Error>? = state.withLock { state in
                if state.closed { return .failure(Self.closedError) }
                if !fresh, let worker = state.idle.popLast() { return .success(.idle(worker)) }
                if state.alive < capacity {
                    state.alive += 1
                    state.started += 1
                    return .success(.start)
                }
                if fresh { retiring = state.idle.popLast() }
                state.waiting.append(Waiter(fresh: fresh, continuation: continuation))
                return nil
            }
            retiring?.retire()
            if let now { continuation.resume(with: now) }
        }
    }

    /// A worker fit for another request goes to the first waiter that takes
    /// any worker, else stays idle. It is returned, for the caller to
    /// retire, when the pool is closed or a fresh waiter needs its place.
    func giveBack(_ worker: PooledWorker) -> PooledWorker? {
        let (waiter, unwanted): (Waiter?, PooledWorker?) = state.withLock { state in
            if state.closed { return (nil, worker) }
            if let index = state.waiting.firstIndex(where: { !$0.fresh }) { return (state.waiting.remove(at: index), nil) }
            if !state.waiting.isEmpty { return (nil, worker) }
            state.idle.append(worker)
            return (nil, nil)
        }
        waiter?.continuation.resume(returning: .idle(worker))
        return unwanted
    }

    /// A worker's process has been reaped: its place goes to the first
    /// waiter, or, once the pool is closed and nothing is alive, `drained` returns.
    func ended() {
        let (waiter, drained): (Waiter?, [CheckedContinuation<Void, Never>]) = state.withLock { state in
            state.alive -= 1
            if !state.closed && !state.waiting.isEmpty {
                state.alive += 1
                state.started += 1
                return (state.waiting.removeFirst(), [])
            }
            guard state.closed && state.alive == 0 else { return (nil, []) }
            defer { state.drained = [] }
            return (nil, state.drained)
        }
        waiter?.continuation.resume(returning: .start)
        drained.forEach { $0.resume() }
    }

    /// Closes the pool: returns the idle workers to retire, and fails waiters.
    func close() -> [PooledWorker] {
        let (idle, waiting) = state.withLock { state in
            state.closed = true
            defer { state.idle = []; state.waiting = [] }
            return (state.idle, state.waiting)
        }
        waiting.forEach { $0.continuation.resume(throwing: Self.closedError) }
        return idle
    }

    /// Returns once every process the pool started has been reaped.
    func drained() async {
        await withCheckedContinuation { continuation in
            let done = state.withLock { state in
                if state.alive == 0 { return true }
                state.drained.append(continuation)
                return false
            }
            if done { continuation.resume() }
        }
    }

    private static var closedError: AltbuildError {
        AltbuildError(.interrupted, "the build is ending: no worker will start")
    }
}
