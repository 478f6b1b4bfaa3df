import AltbuildSupport
import DeckModel
internal import CLibXML2

/// Puts altbuild's block (`NotesBlock`) into a notes slide's text
/// placeholder: replaced where it was, appended after the person's notes
/// when new, taken out when the edit has no paragraphs. No paragraph outside
/// the block is changed.
enum NotesBody {
    /// Applies `edit` to `document`; false when nothing had to change, or
    /// when the block has lost its end marker (then nobody can tell where
    /// it ends, and the notes are left as they are).
    static func apply(_ edit: NotesEdit, to document: XMLDocument) throws -> Bool {
        guard let tree = document.root?.path((.presentation, "cSld"), (.presentation, "spTree")) else {
            throw AltbuildError(.xmlMalformed, "the notes slide has no shape tree")
        }
        let body = tree.descendants(where: isNotesBody).first
        if body == nil && edit.paragraphs.isEmpty { return false }
        guard let txBody = textBody(of: body ?? addBody(to: tree)) else {
            throw AltbuildError(.internalError, "cannot add a text body to the notes")
        }
        let paragraphs = txBody.children(.drawing, "p")
        let texts = paragraphs.map(paragraphText)
        var anchor = txBody.children.last
        switch NotesBlock.locate(texts) {
        case .unterminated: return false
        case .blocks(let blocks):
            if blocks.count == 1, let block = blocks.first, Array(texts[block]) == edit.paragraphs { return false }
            // The new block takes the first one's place; any others go.
            anchor = previousElement(before: blocks.first.map { paragraphs[$0.lowerBound] }, in: txBody)
            for block in blocks { for paragraph in paragraphs[block] { paragraph.remove() } }
        case nil:
            if edit.paragraphs.isEmpty { return false }
            // A fresh notes page holds one empty paragraph: the block takes its place.
            if texts.allSatisfy({ $0.trimmingWhitespace().isEmpty }) {
                anchor = previousElement(before: paragraphs.first, in: txBody)
                for paragraph in paragraphs { paragraph.remove() }
            }
        }
        for text in edit.paragraphs {
            anchor = addParagraph(xmlSafeText(text), after: anchor, in: txBody, edit: edit)
        }
        if txBody.children(.drawing, "p").isEmpty { _ = addParagraph(nil, after: txBody.children.last, in: txBody, edit: edit) }
        return true
    }

    /// The child just before `element` in `parent`, nil when it is the first.
    private static func previousElement(before element: XMLElement?, in parent: XMLElement) -> XMLElement? {
        guard let element else { return parent.children.last }
        let children = parent.children
        guard let index = children.firstIndex(where: { $0.node == element.node }), index > 0 else { return nil }
        return children[index - 1]
    }

    private static func drawingURI(_ near: XMLElement) -> String {
        near.namespaceURI.map { $0.hasPrefix("http://purl.oclc.org") } == true ? Namespace.drawing.uris[1] : Namespace.drawing.preferred
    }

    /// `a:p` with one run (nil text: an empty paragraph), in the edit's language and direction.
    private static func addParagraph(_ text: String?, after anchor: XMLElement?, in txBody: XMLElement, edit: NotesEdit) -> XMLElement? {
        let uri = drawingURI(txBody)
        guard let paragraph = txBody.insertChild("p", namespaceURI: uri, prefix: "a", after: anchor) else { return anchor }
        if edit.rightToLeft, let properties = paragraph.appendChild("pPr", namespaceURI: uri, prefix: "a") {
            properties.setAttribute("algn", "r")
            properties.setAttribute("rtl", "1")
        }
        guard let text, let run = paragraph.appendChild("r", namespaceURI: uri, prefix: "a") else { return paragraph }
        if let properties = run.appendChild("rPr", namespaceURI: uri, prefix: "a") {
            if let language = edit.language { properties.setAttribute("lang", language) }
            properties.setAttribute("dirty", "0")
        }
        run.appendChild("t", namespaceURI: uri, prefix: "a")?.appendText(text)
        return paragraph
    }

    /// The shape's `p:txBody`, added (with its required `a:bodyPr`) when missing.
    private static func textBody(of shape: XMLElement?) -> XMLElement? {
        guard let shape else { return nil }
        if let existing = shape.child(.presentation, "txBody") { return existing }
        let uri = shape.namespaceURI ?? Namespace.presentation.preferred
        let body = shape.appendChild("txBody", namespaceURI: uri, prefix: "p")
        body?.appendChild("bodyPr", namespaceURI: drawingURI(shape), prefix: "a")
        return body
    }

    /// A notes placeholder for a notes slide that has none (some tools write
    /// notes pages with only the slide picture).
    private static func addBody(to tree: XMLElement) -> XMLElement? {
        let uri = tree.namespaceURI ?? Namespace.presentation.preferred
        let ids = tree.descendants { $0.hasLocalName("cNvPr") }.compactMap { $0.attribute("id").flatMap { Int($0) } }
        guard let shape = tree.appendChild("sp", namespaceURI: uri, prefix: "p"),
              let nonVisual = shape.appendChild("nvSpPr", namespaceURI: uri, prefix: "p") else { return nil }
        let name = nonVisual.appendChild("cNvPr", namespaceURI: uri, prefix: "p")
        name?.setAttribute("id", String((ids.max() ?? 1) + 1))
        name?.setAttribute("name", "Notes Placeholder")
        nonVisual.appendChild("cNvSpPr", namespaceURI: uri, prefix: "p")
        let placeholder = nonVisual.appendChild("nvPr", namespaceURI: uri, prefix: "p")?.appendChild("ph", namespaceURI: uri, prefix: "p")
        placeholder?.setAttribute("type", "body")
        placeholder?.setAttribute("idx", "1")
        shape.appendChild("spPr", namespaceURI: uri, prefix: "p")
        return shape
    }
}
