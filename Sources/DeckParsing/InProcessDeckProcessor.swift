public import AltbuildCore
public import OOXML
public import AltbuildSupport

/// Parsing and rewriting in this process.
public struct InProcessDeckProcessor: DeckProcessor {
    public let limits: ReadLimits

    public init(limits: ReadLimits) { self.limits = limits }

    public func scan(_ path: String, bytes: [UInt8], digest: SHA256Digest, cancel: CancelFlag) async throws -> ScannedDeck {
        let deck = try Deck(bytes: bytes, path: path, limits: limits)
        let inventory = try deck.inventory()
        let media = MediaIndex(deck: deck, inventory: inventory)
        return ScannedDeck(inventory: inventory) { media.bytes($0) }
    }

    public func inject(_ path: String, bytes: [UInt8], digest: SHA256Digest, edits: [AltTextEdit], cancel: CancelFlag) async throws -> [UInt8] {
        try DeckInjector.inject(try Deck(bytes: bytes, path: path, limits: limits), edits: edits, limits: limits)
    }
}

/// Media parts of a deck by digest, read on demand.
final class MediaIndex: @unchecked Sendable {
    private let deck: Deck
    private let parts: [SHA256Digest: String]
    private let lock = Lock()

    init(deck: Deck, inventory: DeckInventory) {
        self.deck = deck
        var parts: [SHA256Digest: String] = [:]
        for slot in inventory.slots {
            if let digest = slot.mediaDigest, let part = slot.mediaPart { parts[digest] = part }
        }
        self.parts = parts
    }

    func bytes(_ digest: SHA256Digest) -> [UInt8]? {
        guard let part = parts[digest] else { return nil }
        return lock.withLock { try? deck.package.bytes(of: part) }
    }
}

/// Rewrites a deck and checks that the result reads back with every edit in
/// place before anyone sees it.
public enum DeckInjector {
    public static func inject(_ deck: Deck, edits: [AltTextEdit], limits: ReadLimits) throws -> [UInt8] {
        guard !edits.isEmpty else { return deck.bytes }
        let output = try DeckRewriter.rewrite(deck, edits: edits)
        let check = try Deck(bytes: output, path: deck.path, limits: limits).inventory()
        var slots: [String: [Slot]] = [:]
        for slide in check.slides { slots[slide.part] = slide.slots }
        for edit in edits {
            guard let slot = slots[edit.part].flatMap({ edit.ordinal < $0.count ? $0[edit.ordinal] : nil }),
                  edit.descr.map({ xmlSafeText($0) == (slot.descr ?? "") }) ?? true,
                  !edit.markDecorative || slot.isDecorative else {
                throw AltbuildError(.internalError, "the rewritten deck does not read back as written (\(edit.part), slot \(edit.ordinal)); nothing was written", path: deck.path)
            }
        }
        return output
    }
}
