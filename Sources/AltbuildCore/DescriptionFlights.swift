public import AltbuildSupport
public import Describers
import Synchronization

/// Descriptions being made right now, by key: when two decks built in
/// parallel need the same description, the second waits for the first
/// instead of calling the describer again. With the store, this makes each
/// unique description requested once per build, and once ever.
public final class DescriptionFlights: Sendable {
    private let flights = Mutex<[SHA256Digest: Task<Description, any Error>]>([:])

    public init() {}

    /// The description for `key`, made by `make` unless another caller is
    /// already making it. `made` is true for the caller whose `make` ran.
    public func description(for key: SHA256Digest, make: @escaping @Sendable () async throws -> Description) async throws -> (Description, made: Bool) {
        let (task, owner) = flights.withLock { flights -> (Task<Description, any Error>, Bool) in
            if let existing = flights[key] { return (existing, false) }
            let task = Task { try await make() }
            flights[key] = task
            return (task, true)
        }
        defer {
            if owner { flights.withLock { _ = $0.removeValue(forKey: key) } }
        }
        return (try await task.value, owner)
    }
}
