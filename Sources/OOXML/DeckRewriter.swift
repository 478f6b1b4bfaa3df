import AltbuildSupport

/// Applies ALT-text edits (and notes blocks) to a deck and produces the new
/// deck: its bytes in memory (`rewrite`), or a file (`write`).
///
/// Only the parts with edits are parsed and re-serialized. Every other
/// entry is copied by libzip as stored, without recompressing, so its data
/// stays byte-identical, and the entry order is kept; new parts (notes
/// slides) come after them. Both forms give the same bytes for the same deck
/// and edits.
public enum DeckRewriter {
    public static func rewrite(_ deck: Deck, edits: [AltTextEdit]) throws -> [UInt8] {
        try rewrite(deck, edits: DeckEdits(slots: edits))
    }

    /// The new deck's bytes, built in memory; with nothing to change, the deck's own.
    public static func rewrite(_ deck: Deck, edits all: DeckEdits) throws -> [UInt8] {
        do {
            let parts = try changedParts(deck, all)
            if parts.isEmpty { return try deck.contents() }
            return try deck.package.archive.rewritten(replacing: parts.replaced, adding: parts.added)
        } catch let error as AltbuildError {
            throw error.at(deck.path)
        }
    }

    /// Writes the new deck to the file `output` without holding it in memory:
    /// what a worker calls to inject edits into a deck opened with
    /// `Deck(path:)`. Entries copied as stored stream through a buffer at a
    /// time; with nothing to change, the deck file is copied as it is (so
    /// the output's digest is `deck.digest`).
    ///
    /// The output appears whole or not at all (a temp file beside it, renamed
    /// into place), is fsynced with its folder when `durable`, and appears
    /// only if the input did not change meanwhile (`E_INPUT_CHANGED`).
    /// Its bytes are those `rewrite` returns. To check it before anyone sees
    /// it, write to a temp path, open that with `Deck(path:)`, then rename.
    public static func write(_ deck: Deck, edits all: DeckEdits, to output: String, durable: Bool = false) throws {
        do {
            let parts = try changedParts(deck, all)
            if parts.isEmpty { return try deck.copy(to: output, durable: durable) }
            try FileIO.writeAtomically(to: output, durable: durable) { descriptor in
                try deck.package.archive.rewrite(into: descriptor, path: output, replacing: parts.replaced, adding: parts.added)
                try deck.checkUnchanged()
            }
        } catch let error as AltbuildError {
            throw error.at(deck.path)
        }
    }

    /// What the edits change: slide parts re-serialized with their slots
    /// edited, notes parts replaced, and notes parts added.
    private static func changedParts(_ deck: Deck, _ all: DeckEdits) throws -> ChangedParts {
        var byPart: [String: [AltTextEdit]] = [:]
        for edit in all.slots { byPart[edit.part, default: []].append(edit) }
        var replacements: [String: [UInt8]] = [:]
        for part in byPart.keys.sorted() {
            guard let partEdits = byPart[part], let number = deck.slideParts.firstIndex(of: part) else {
                throw AltbuildError(.missingPart, "cannot edit \(part): it is not a slide of this deck")
            }
            let document = try deck.package.xml(part)
            let elements = SlideScanner(package: deck.package, part: part, slideNumber: number + 1, document: document).slotElements()
            for edit in partEdits {
                guard edit.ordinal >= 0 && edit.ordinal < elements.count else {
                    throw AltbuildError(.internalError, "\(part) has no slot \(edit.ordinal)")
                }
                let cNvPr = elements[edit.ordinal]
                if let descr = edit.descr { cNvPr.setAttribute("descr", xmlSafeText(descr)) }
                if edit.markDecorative { DecorativeFlag.set(on: cNvPr) }
            }
            replacements[part] = document.serialize()
        }
        var notes = NotesWriter(deck: deck)
        try notes.apply(all.notes)
        replacements.merge(notes.replaced) { _, notes in notes }
        return ChangedParts(replaced: replacements, added: notes.added)
    }

    private struct ChangedParts {
        let replaced: [String: [UInt8]]
        let added: [(name: String, bytes: [UInt8])]

        var isEmpty: Bool { replaced.isEmpty && added.isEmpty }
    }
}
