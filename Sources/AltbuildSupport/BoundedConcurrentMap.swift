/// Runs `body` on every element with at most `width` calls in flight, and
/// returns the results by element. A task group that adds one task as each
/// finishes, so a list of 5,000 elements never becomes 5,000 live tasks.
/// The first error cancels the rest and is rethrown.
public func boundedConcurrentMap<Element: Hashable & Sendable, Result: Sendable>(
    _ elements: [Element], width: Int, _ body: @escaping @Sendable (Element) async throws -> Result
) async throws -> [Element: Result] {
    try await withThrowingTaskGroup(of: (Element, Result).self) { group in
        var results: [Element: Result] = [:]
        var next = elements.startIndex
        func startNext() {
            guard next < elements.endIndex else { return }
            let element = elements[next]
            next += 1
            group.addTask { (element, try await body(element)) }
        }
        for _ in 0..<max(1, width) { startNext() }
        while let (element, result) = try await group.next() {
            results[element] = result
            startNext()
        }
        return results
    }
}
