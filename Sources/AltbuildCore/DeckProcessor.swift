public import DeckModel
public import AltbuildSupport
import ProcessSupport

/// Where a deck's untrusted bytes are parsed and rewritten: in a worker
/// process for real builds (a crash or hang in a C library cannot take the
/// build down), or in this process for tests and for the worker itself.
public protocol DeckProcessor: Sendable {
    func scan(_ path: String, bytes: [UInt8], digest: SHA256Digest, cancel: CancelFlag) async throws -> ScannedDeck
    func inject(_ path: String, bytes: [UInt8], digest: SHA256Digest, edits: [AltTextEdit], cancel: CancelFlag) async throws -> [UInt8]
}

/// A scanned deck: its inventory and a way to get a slot's bytes.
public struct ScannedDeck: Sendable {
    public var inventory: DeckInventory
    /// The bytes of a media part by digest, when the scan extracted them.
    public var media: @Sendable (SHA256Digest) -> [UInt8]?

    public init(inventory: DeckInventory, media: @escaping @Sendable (SHA256Digest) -> [UInt8]?) {
        self.inventory = inventory
        self.media = media
    }
}
