import AltbuildSupport
import ProcessSupport

/// One step of one deck sent to the build's worker pool.
///
/// A step that fails the way a process fails (a crash, an exhausted memory
/// allowance, an unexpected end) in a worker that had served earlier
/// requests is sent once more, to a fresh worker, and only a fresh worker's
/// failure is the deck's. So what an earlier deck left behind in a worker
/// (memory that counts against its address-space limit, a C library's
/// state) cannot fail another deck, and a deck's result does not depend on
/// which decks went before it. A timeout or cancellation is never retried:
/// the deadline is the deck's, not the worker's.
struct PooledRequest {
    let request: WorkerRequest
    let memoryLimit: Int

    /// Failures that say more about the process than about the deck.
    static let retried: Set<ErrorCode> = [.workerCrashed, .workerFailed, .resourceLimit]

    func run(in pool: WorkerPool, cancel: CancelFlag) async throws -> [UInt8] {
        let payload = try WorkerMessages.encode(request)
        let first = try await pool.exchange(payload, cancel: cancel)
        do {
            return try answer(first.answer, cancel: cancel)
        } catch let error as AltbuildError where !first.freshWorker && Self.retried.contains(error.code) && !cancel.isCancelled {
            let second = try await pool.exchange(payload, cancel: cancel, freshWorker: true)
            return try answer(second.answer, cancel: cancel)
        }
    }

    private func answer(_ answer: WorkerAnswer, cancel: CancelFlag) throws -> [UInt8] {
        try WorkerOutcome(pooled: answer).answer(path: request.deck, memoryLimit: memoryLimit, cancel: cancel)
    }
}
