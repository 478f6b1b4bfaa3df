public import DeckModel

/// Pairs a deck's slots with the entries of its review file: by identity
/// first, then, for a person's decision whose slot is gone, by the digest of
/// its picture or data, so a moved or copied picture keeps its text.
public struct ReviewMatch: Sendable {
    /// The entry for each slot, in slot order (nil: none yet).
    public var entries: [ReviewEntry?]
    /// A person's decisions that no slot took: reported as stale, and kept.
    public var stale: [ReviewEntry]

    public init(slots: [Slot], identities: [String], review: ReviewFile?) {
        let all = review?.slots ?? []
        var byID: [String: ReviewEntry] = [:]
        for entry in all where entry.stale != true { byID[entry.slot] = entry }
        var matched = Set<String>()
        var entries: [ReviewEntry?] = identities.map { id in
            guard let entry = byID[id] else { return nil }
            matched.insert(id)
            return entry
        }
        // A person's decision is offered to slots of the same digest that have
        // no entry of their own: the picture moved, or was copied.
        let decisions = all.filter(Self.isDecision)
        var decisionByDigest: [String: ReviewEntry] = [:]
        for entry in decisions { if let digest = entry.digest, decisionByDigest[digest] == nil { decisionByDigest[digest] = entry } }
        var used = Set<String>()
        for (index, slot) in slots.enumerated() where entries[index] == nil {
            guard let digest = slot.mediaDigest?.hex, var entry = decisionByDigest[digest] else { continue }
            used.insert(entry.slot)
            entry.slot = identities[index]
            entry.stale = nil
            entries[index] = entry
        }
        self.entries = entries
        stale = decisions.filter { !matched.contains($0.slot) && !used.contains($0.slot) }.map { entry in
            var kept = entry
            kept.stale = true
            return kept
        }
    }

    /// Entries worth keeping after their slot is gone: what a person decided.
    static func isDecision(_ entry: ReviewEntry) -> Bool {
        entry.state.isPersonsDecision || (entry.state == .decorative && entry.reviewed == true)
    }
}
