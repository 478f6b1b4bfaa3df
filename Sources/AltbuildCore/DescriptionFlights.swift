public import AltbuildSupport
public import Describers

/// Descriptions being made right now, by key: when two decks built in
/// parallel need the same description, the second waits for the first
/// instead of calling the describer again. With the store, this makes each
/// unique description requested once per build, and once ever.
public final class DescriptionFlights: @unchecked Sendable {
    private let lock = Lock()
    private var flights: [SHA256Digest: Task<Description, any Error>] = [:]

    public init() {}

    /// The description for `key`, made by `make` unless another caller is
    /// already making it. `made` is true for the caller whose `make` ran.
    public func description(for key: SHA256Digest, make: @escaping @Sendable () async throws -> Description) async throws -> (Description, made: Bool) {
        var owner = false
        let task: Task<Description, any Error> = lock.withLock {
            if let existing = flights[key] { return existing }
            owner = true
            let task = Task { try await make() }
            flights[key] = task
            return task
        }
        defer {
            if owner { lock.withLock { _ = flights.removeValue(forKey: key) } }
        }
        return (try await task.value, owner)
    }
}
