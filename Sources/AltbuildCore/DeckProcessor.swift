public import DeckModel
public import AltbuildSupport
import ProcessSupport

/// Where a deck's untrusted bytes are parsed and rewritten: in a worker
/// process for real builds (a crash or hang in a C library cannot take the
/// build down), or in this process for tests and for the worker itself.
///
/// Both steps read the deck from its file and refuse bytes without the
/// `digest` the build hashed, so the deck never has to be in the parent's
/// memory and both steps see the bytes the build is keyed by.
public protocol DeckProcessor: Sendable {
    func scan(_ path: String, digest: SHA256Digest, cancel: CancelFlag) async throws -> ScannedDeck
    /// Writes the deck with `edits` applied, checked, to a new file of the
    /// processor's own scratch space, which the caller moves or removes.
    /// `hashed` is the status the scan of this build saw when it hashed the
    /// file (`ScannedDeck.fileStatus`): a file still in it is not hashed again.
    func inject(_ path: String, digest: SHA256Digest, edits: DeckEdits, hashed: FileStatus?,
                cancel: CancelFlag) async throws -> WrittenDeck
}

/// A rewritten deck in a file, and its digest.
public struct WrittenDeck: Sendable, Equatable {
    public var path: String
    public var digest: SHA256Digest

    public init(path: String, digest: SHA256Digest) {
        self.path = path
        self.digest = digest
    }
}

/// A scanned deck: its inventory, what the worker learnt about its
/// pictures, and a way to get a picture as the worker prepared it.
public struct ScannedDeck: Sendable {
    public var inventory: DeckInventory
    /// Format, declared size and any refusal of each picture, by digest.
    public var images: [SHA256Digest: ImageFacts]
    /// A picture by digest, when the scan extracted it.
    public var media: @Sendable (SHA256Digest) -> SlotImage?
    /// The file's status when the scan hashed it, for the inject that follows.
    public var fileStatus: FileStatus?

    public init(inventory: DeckInventory, images: [SHA256Digest: ImageFacts] = [:], fileStatus: FileStatus? = nil,
                media: @escaping @Sendable (SHA256Digest) -> SlotImage?) {
        self.inventory = inventory
        self.images = images
        self.fileStatus = fileStatus
        self.media = media
    }
}
