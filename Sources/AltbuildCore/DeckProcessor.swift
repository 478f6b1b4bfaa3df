public import DeckModel
public import AltbuildSupport
import ProcessSupport

/// Where a deck's untrusted bytes are parsed and rewritten: in a worker
/// process for real builds (a crash or hang in a C library cannot take the
/// build down), or in this process for tests and for the worker itself.
public protocol DeckProcessor: Sendable {
    func scan(_ path: String, bytes: [UInt8], digest: SHA256Digest, cancel: CancelFlag) async throws -> ScannedDeck
    func inject(_ path: String, bytes: [UInt8], digest: SHA256Digest, edits: DeckEdits, cancel: CancelFlag) async throws -> [UInt8]
}

/// A scanned deck: its inventory, what the worker learnt about its
/// pictures, and a way to get a picture as the worker prepared it.
public struct ScannedDeck: Sendable {
    public var inventory: DeckInventory
    /// Format, declared size and any refusal of each picture, by digest.
    public var images: [SHA256Digest: ImageFacts]
    /// A picture by digest, when the scan extracted it.
    public var media: @Sendable (SHA256Digest) -> SlotImage?

    public init(inventory: DeckInventory, images: [SHA256Digest: ImageFacts] = [:],
                media: @escaping @Sendable (SHA256Digest) -> SlotImage?) {
        self.inventory = inventory
        self.images = images
        self.media = media
    }
}
