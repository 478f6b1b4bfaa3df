import AltbuildSupport

/// Part K of N of a build's targets, for CI matrices: N jobs each build the
/// targets whose place is their K, and together they build every target once.
///
/// A target's place depends on its own key alone (its project-relative path,
/// see `ShardKey`), never on the other targets, their number or their order:
/// adding or removing a target moves no other target between shards, and
/// every machine computes the same partition. The place is a jump consistent
/// hash (Lamping and Veach, 2014) of the key's SHA-256, so growing a matrix
/// from N to N+1 jobs moves only the targets the new job takes (about
/// 1/(N+1) of them), and per-job caches keep most of their worth.
public struct Shard: Sendable, Equatable, CustomStringConvertible {
    /// K, counted from 1.
    public let index: Int
    /// N.
    public let count: Int

    /// Reads `K/N`; the error says what is wrong in words a user can act on.
    public init(parsing text: String) throws(ShardError) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]) else {
            throw ShardError(text: text, problem: "expected K/N, two whole numbers such as 2/3")
        }
        guard count >= 1 else { throw ShardError(text: text, problem: "N, the number of shards, must be at least 1") }
        guard (1...count).contains(index) else {
            throw ShardError(text: text, problem: "K must be from 1 to \(count) (shards are counted from 1)")
        }
        self.index = index
        self.count = count
    }

    public var description: String { "\(index)/\(count)" }

    /// Whether the target with `key` is in this shard.
    public func contains(key: String) -> Bool {
        Self.place(of: key, among: count) == index
    }

    /// The shard, from 1 to `count`, that the target with `key` belongs to.
    public static func place(of key: String, among count: Int) -> Int {
        let digest = SHA256.hash(key).bytes
        let seed = digest.prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        return jump(seed, buckets: count) + 1
    }

    /// Jump consistent hash: walks the bucket counts at which `seed` would
    /// change bucket, each drawn from a 64-bit linear congruential generator
    /// seeded with it, and stops at the last one below `buckets`. Going from
    /// n to n+1 buckets moves a seed only into the new bucket, with
    /// probability 1/(n+1). Integer and IEEE double arithmetic only, so every
    /// platform agrees.
    static func jump(_ seed: UInt64, buckets: Int) -> Int {
        var state = seed
        var bucket: Int64 = -1
        var next: Int64 = 0
        while next < Int64(buckets) {
            bucket = next
            state = state &* 2_862_933_555_777_941_757 &+ 1
            next = Int64(Double(bucket + 1) * (Double(Int64(1) << 31) / Double((state >> 33) + 1)))
        }
        return Int(bucket)
    }
}

/// A `--shard` value that is not K/N with 1 ≤ K ≤ N.
public struct ShardError: Error, CustomStringConvertible {
    public let text: String
    public let problem: String

    public var description: String { "--shard \(text): \(problem)" }
}
