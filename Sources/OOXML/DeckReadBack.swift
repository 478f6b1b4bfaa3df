import AltbuildSupport

/// A slot as a rewrite's check reads it back: its text and decoration.
public struct WrittenSlot: Sendable, Equatable {
    public var descr: String?
    public var isDecorative: Bool
}

extension Deck {
    /// The slots of the slides `parts`, in ordinal order, read by the walk
    /// the rewriter addressed them with. Only those slides are parsed: the
    /// other parts of a rewritten deck are the input's, copied as stored, so
    /// reading them again (charts, pictures, the text around each slot)
    /// would check nothing the rewrite did.
    public func writtenSlots(of parts: Set<String>) throws -> [String: [WrittenSlot]] {
        var slides: [String: [WrittenSlot]] = [:]
        try forEachSlide(in: parts) { part, scanner in
            slides[part] = scanner.slotElements().map { cNvPr in
                WrittenSlot(descr: cNvPr.attribute("descr"), isDecorative: DecorativeFlag.isSet(on: cNvPr))
            }
        }
        return slides
    }

    /// altbuild's block in the notes of each of the slides `parts` that has one.
    public func writtenNotesBlocks(of parts: Set<String>) throws -> [String: NotesBlock.Found] {
        var blocks: [String: NotesBlock.Found] = [:]
        try forEachSlide(in: parts) { part, scanner in blocks[part] = try scanner.notesBlock() }
        return blocks
    }

    private func forEachSlide(in parts: Set<String>, _ body: (String, SlideScanner) throws -> Void) throws {
        do {
            for (index, part) in slideParts.enumerated() where parts.contains(part) {
                try body(part, SlideScanner(package: package, part: part, slideNumber: index + 1, document: try package.xml(part)))
            }
        } catch let error as AltbuildError {
            throw error.at(path)
        }
    }
}
