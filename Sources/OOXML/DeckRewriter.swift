import AltbuildSupport

/// Applies ALT-text edits (and notes blocks) to a deck and produces the new deck's bytes.
///
/// Only the parts with edits are parsed and re-serialized. Every other
/// entry is copied by libzip as stored, without recompressing, so its data
/// stays byte-identical, and the entry order is kept; new parts (notes
/// slides) come after them.
public enum DeckRewriter {
    public static func rewrite(_ deck: Deck, edits: [AltTextEdit]) throws -> [UInt8] {
        try rewrite(deck, edits: DeckEdits(slots: edits))
    }

    public static func rewrite(_ deck: Deck, edits all: DeckEdits) throws -> [UInt8] {
        do {
            var byPart: [String: [AltTextEdit]] = [:]
            for edit in all.slots { byPart[edit.part, default: []].append(edit) }
            var replacements: [String: [UInt8]] = [:]
            for part in byPart.keys.sorted() {
                guard let partEdits = byPart[part], let number = deck.slideParts.firstIndex(of: part) else {
                    throw AltbuildError(.missingPart, "cannot edit \(part): it is not a slide of this deck")
                }
                let document = try deck.package.xml(part)
                let scan = try SlideScanner(package: deck.package, part: part, slideNumber: number + 1, document: document, hashMedia: false).scan()
                for edit in partEdits {
                    guard edit.ordinal >= 0 && edit.ordinal < scan.slots.count else {
                        throw AltbuildError(.internalError, "\(part) has no slot \(edit.ordinal)")
                    }
                    let cNvPr = scan.slots[edit.ordinal].cNvPr
                    if let descr = edit.descr { cNvPr.setAttribute("descr", xmlSafeText(descr)) }
                    if edit.markDecorative { DecorativeFlag.set(on: cNvPr) }
                }
                replacements[part] = document.serialize()
            }
            var notes = NotesWriter(deck: deck)
            try notes.apply(all.notes)
            replacements.merge(notes.replaced) { _, notes in notes }
            if replacements.isEmpty && notes.added.isEmpty { return deck.bytes }
            return try deck.package.archive.rewritten(replacing: replacements, adding: notes.added)
        } catch let error as AltbuildError {
            throw error.at(deck.path)
        }
    }
}
