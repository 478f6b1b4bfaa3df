public import AltbuildCore
public import OOXML
public import AltbuildSupport
public import DeckModel
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Parsing and rewriting in this process.
public struct InProcessDeckProcessor: DeckProcessor {
    public let limits: ReadLimits
    public let preparation: ImagePreparation
    /// Where rewritten decks are written before the build moves them into place.
    public let temporaryDirectory: String

    public init(limits: ReadLimits, preparation: ImagePreparation = ImagePreparation(), temporaryDirectory: String = "/tmp") {
        self.limits = limits
        self.preparation = preparation
        self.temporaryDirectory = temporaryDirectory
    }

    public func scan(_ path: String, digest: SHA256Digest, cancel: CancelFlag) async throws -> ScannedDeck {
        let deck = try DeckWorker.open(path, expect: digest, limits: limits)
        let inventory = try deck.inventory()
        try deck.checkUnchanged()
        let status = deck.fileStatus
        let pictures = DeckPictures(deck: deck, inventory: inventory, preparation: preparation)
        let facts = try pictures.facts()
        let index = PictureIndex(pictures)
        return ScannedDeck(inventory: inventory, images: facts, fileStatus: status) { index.prepared($0) }
    }

    public func inject(_ path: String, digest: SHA256Digest, edits: DeckEdits, hashed: FileStatus?,
                       cancel: CancelFlag) async throws -> WrittenDeck {
        let output = temporaryDirectory + "/altbuild-" + digest.hex.prefix(16) + "-\(UInt32.random(in: 0...UInt32.max)).pptx"
        let deck = try DeckWorker.open(path, expect: digest, limits: limits, hashed: hashed)
        return WrittenDeck(path: output, digest: try DeckInjector.inject(deck, edits: edits, limits: limits, to: output))
    }
}

/// A deck's pictures shared by concurrent describers: the deck's archive
/// is not safe to read from two threads, so it lives in a mutex and reads
/// take turns. Only the prepared images, which are values, come out.
final class PictureIndex: Sendable {
    private let pictures: Mutex<DeckPictures>

    init(_ pictures: sending DeckPictures) { self.pictures = Mutex(pictures) }

    /// Nil when the picture is refused; a part that cannot be read now was
    /// readable during the scan, so that is a bug worth hearing about.
    func prepared(_ digest: SHA256Digest) -> SlotImage? {
        pictures.withLock { pictures in
            do {
                return try pictures.prepared(digest)
            } catch {
                assertionFailure("a picture read during the scan cannot be read again: \(error)")
                return nil
            }
        }
    }
}

/// Rewrites a deck and checks that the result reads back with every edit in
/// place before anyone sees it.
public enum DeckInjector {
    public static func inject(_ deck: Deck, edits: [AltTextEdit], limits: ReadLimits) throws -> [UInt8] {
        try inject(deck, edits: DeckEdits(slots: edits), limits: limits)
    }

    public static func inject(_ deck: Deck, edits all: DeckEdits, limits: ReadLimits) throws -> [UInt8] {
        guard !all.isEmpty else { return try deck.contents() }
        let output = try DeckRewriter.rewrite(deck, edits: all)
        try verify(try Deck(bytes: output, path: deck.path, limits: limits), all, path: deck.path)
        return output
    }

    /// The same, streamed: the new deck is written beside `output` without
    /// being held in memory, opened again from there and checked, and only
    /// then renamed to `output`. Returns its digest.
    public static func inject(_ deck: Deck, edits all: DeckEdits, limits: ReadLimits, to output: String) throws -> SHA256Digest {
        let unchecked = output + ".unchecked"
        defer { unlink(unchecked) }
        try DeckRewriter.write(deck, edits: all, to: unchecked)
        let written = try Deck(path: unchecked, limits: limits)
        if !all.isEmpty { try verify(written, all, path: deck.path) }
        guard rename(unchecked, output) == 0 else {
            throw AltbuildError(.writeFailed, "cannot move the checked deck into place: \(String(cString: strerror(errno)))", path: output)
        }
        return written.digest
    }

    /// Every edit as the rewritten deck reads back, or an error: nothing is
    /// written then. Only the slides the edits touch are read again.
    private static func verify(_ written: Deck, _ all: DeckEdits, path: String) throws {
        let slots = try written.writtenSlots(of: Set(all.slots.map(\.part)))
        let notes = try written.writtenNotesBlocks(of: Set(all.notes.map(\.part)))
        for edit in all.notes where notes[edit.part] != (edit.paragraphs.isEmpty ? nil : .lines(edit.lines.map(xmlSafeText))) {
            guard notes[edit.part] == .unterminated else {
                throw AltbuildError(.internalError, "the rewritten deck's notes do not read back as written (\(edit.part)); nothing was written", path: path)
            }
        }
        for edit in all.slots {
            guard let slot = slots[edit.part].flatMap({ edit.ordinal < $0.count ? $0[edit.ordinal] : nil }),
                  edit.descr.map({ xmlSafeText($0) == (slot.descr ?? "") }) ?? true,
                  !edit.markDecorative || slot.isDecorative else {
                throw AltbuildError(.internalError, "the rewritten deck does not read back as written (\(edit.part), slot \(edit.ordinal)); nothing was written", path: path)
            }
        }
    }
}
