import DeckModel
import Describers

extension DeckPipeline.Plan {
    /// Makes altbuild's block in every slide's notes match the slide's long
    /// descriptions (`--long-descriptions notes`): written where a chart or
    /// diagram that is not decorative has data, updated where it changed,
    /// taken out where nothing needs it any more, or everywhere when `long`
    /// is nil (the option is off, so nothing would keep the block current).
    /// A slide already right gets no edit, so a second build is a no-op.
    mutating func placeNotes(_ slides: [SlideInventory], details: [[String]], long: LongDescription?) {
        var index = 0
        for slide in slides {
            let range = index..<(index + slide.slots.count)
            index = range.upperBound
            let lines = range.flatMap { slot in review.slots[slot].state == .decorative ? [] : details[slot] }
            let block = long?.block(lines) ?? []
            switch slide.notesBlock {
            case .unterminated?:
                warnings.append("slide \(slide.number): its notes have altbuild's heading line without its end line, so altbuild cannot tell its lines from yours; the notes are left as they are (delete the heading or put back the end line)")
                continue
            case .lines(let current)?:
                if !block.isEmpty && current == Array(block.dropFirst().dropLast()) { continue }
            case .several?:
                break
            case nil:
                if block.isEmpty { continue }
            }
            notes.append(NotesEdit(part: slide.part, paragraphs: block, language: long?.languageTag,
                                   rightToLeft: long?.isRightToLeft ?? false))
        }
    }
}
