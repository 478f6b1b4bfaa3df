public import DeckModel
import AltbuildSupport

/// The part of a review file `check` needs: each slot's state, and enough
/// to name it in a problem line. Texts, the longest fields, are skipped:
/// `check` reads every deck's review file on each run and is meant to cost
/// what `status` costs.
public struct ReviewGate: Decodable, Sendable {
    public struct Entry: Decodable, Sendable {
        public var slot: String
        public var slide: Int
        public var name: String
        public var kind: SlotKind
        public var state: ReviewState
        public var reason: String?
        public var stale: Bool?

        public init(slot: String, slide: Int, name: String, kind: SlotKind, state: ReviewState, reason: String?, stale: Bool?) {
            self.slot = slot
            self.slide = slide
            self.name = name
            self.kind = kind
            self.state = state
            self.reason = reason
            self.stale = stale
        }
    }

    public var version: Int
    public var slots: [Entry]

    public static func load(_ path: String) throws -> ReviewGate? {
        try ReviewFile.load(ReviewGate.self, path, version: \.version)
    }

    /// The slots of the review file at `path` that `check` must report: those
    /// in a state outside `accepted`, and stale ones. A file in the form the
    /// build writes is first scanned for its state lines, and only decoded
    /// when one of them is a problem: in a project whose reviews are done,
    /// `check` decodes no JSON at all.
    public static func problems(_ path: String, accepted: Set<ReviewState>) throws -> ReviewGate? {
        guard let bytes = try FileIO.readIfPresent(path, limit: ReviewFile.maxBytes) else { return nil }
        if let states = CanonicalStates(bytes), states.isEmpty || states.allSatisfy(accepted.contains) { return ReviewGate(version: ReviewFile.currentVersion, slots: []) }
        guard var gate = try load(path) else { return nil }
        gate.slots.removeAll { $0.stale != true && accepted.contains($0.state) }
        return gate
    }
}
