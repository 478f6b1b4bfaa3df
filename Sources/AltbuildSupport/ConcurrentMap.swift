import Dispatch

extension Array where Element: Sendable {
    /// `map` over all cores, in order. For cheap, independent, blocking work
    /// (`stat`, decoding records) on many elements; results keep their order.
    public func concurrentMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        if count < 64 { return map(transform) }
        let chunks = Swift.min(8, Swift.max(1, count / 32))
        let results = UnsafeMutableBufferPointer<T?>.allocate(capacity: count)
        results.initialize(repeating: nil)
        defer { results.deallocate() }
        let output = SendableBuffer(results)
        let chunkSize = (count + chunks - 1) / chunks
        self.withUnsafeBufferPointer { input in
            let source = SendableInput(input)
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                let start = chunk * chunkSize
                let end = Swift.min(start + chunkSize, source.buffer.count)
                guard start < end else { return }
                for i in start..<end { output.buffer[i] = transform(source.buffer[i]) }
            }
        }
        return results.compactMap { $0 }
    }
}

/// Each chunk writes a disjoint range of the buffer, so sharing it is safe.
private struct SendableBuffer<T>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<T?>
    init(_ buffer: UnsafeMutableBufferPointer<T?>) { self.buffer = buffer }
}

private struct SendableInput<T>: @unchecked Sendable {
    let buffer: UnsafeBufferPointer<T>
    init(_ buffer: UnsafeBufferPointer<T>) { self.buffer = buffer }
}
