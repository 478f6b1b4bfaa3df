#if canImport(Glibc)
import Glibc
#endif

/// At most `limit` pieces of describer work at once across all decks of a
/// build: model requests, command-describer processes and OCR processes
/// alike. One instance per build, shared by every describer, so that parallel
/// decks never multiply the load on a model server or the machine's memory.
/// A counting semaphore for async code.
public actor DescriberLimiter {
    public nonisolated let limit: Int
    private var running = 0
    private var waiting: [CheckedContinuation<Void, Never>] = []

    public init(limit: Int) { self.limit = max(1, limit) }

    /// Local work (a command describer, OCR) runs one process per core by
    /// default; more would only queue for the CPU and multiply memory.
    public static var defaultLocalLimit: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }
    /// A model server batches requests itself; a few in flight keep it busy
    /// without flooding it.
    public static let defaultHTTPLimit = 4

    public func withPermit<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T {
        await acquire()
        do {
            let result = try await body()
            release()
            return result
        } catch {
            release()
            throw error
        }
    }

    private func acquire() async {
        if running < limit {
            running += 1
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    private func release() {
        if waiting.isEmpty {
            running -= 1
        } else {
            waiting.removeFirst().resume()
        }
    }
}
