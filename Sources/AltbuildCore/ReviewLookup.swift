public import DeckModel

/// A deck's slots matched to its review file, for showing them (`inspect`,
/// the review page): each slot's identity and review entry.
public struct ReviewLookup: Sendable {
    private let identities: [String: String]
    private let entries: [String: ReviewEntry]

    public init(inventory: DeckInventory, review: ReviewFile?) {
        let slots = inventory.slots
        let ids = SlotIdentity.identities(slots)
        var identities: [String: String] = [:]
        for (slot, id) in zip(slots, ids) { identities[Self.address(slot)] = id }
        self.identities = identities
        var entries: [String: ReviewEntry] = [:]
        for entry in review?.slots ?? [] where entry.stale != true { entries[entry.slot] = entry }
        self.entries = entries
    }

    public func identity(_ slot: Slot) -> String {
        identities[Self.address(slot)] ?? slot.part + ":" + slot.shapeID
    }

    public func entry(_ slot: Slot) -> ReviewEntry? {
        entries[identity(slot)]
    }

    /// The review state, with its reason when there is one; else what the text looks like.
    public func stateText(_ slot: Slot) -> String {
        guard let entry = entry(slot) else { return slot.state.rawValue }
        return entry.state.rawValue + (entry.reason.map { ": " + $0 } ?? "")
    }

    private static func address(_ slot: Slot) -> String { slot.part + "#" + String(slot.ordinal) }
}
