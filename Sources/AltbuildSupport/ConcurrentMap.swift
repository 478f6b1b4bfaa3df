import Dispatch
import Synchronization

extension Array where Element: Sendable {
    /// `map` over all cores, in order. For cheap, independent, blocking work
    /// (`stat`, decoding records) on many elements; results keep their order.
    /// Each chunk maps its slice on its own and hands the result over once,
    /// so the only shared state is one mutex taken once per chunk.
    public func concurrentMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        if count < 64 { return map(transform) }
        let chunks = Swift.min(8, Swift.max(1, count / 32))
        let chunkSize = (count + chunks - 1) / chunks
        let parts = Mutex([[T]](repeating: [], count: chunks))
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            let start = chunk * chunkSize
            let end = Swift.min(start + chunkSize, count)
            guard start < end else { return }
            let part = self[start..<end].map(transform)
            parts.withLock { $0[chunk] = part }
        }
        return parts.withLock { parts in
            var results: [T] = []
            results.reserveCapacity(count)
            for part in parts { results.append(contentsOf: part) }
            return results
        }
    }
}
