import AltbuildSupport
import DeckModel

/// Writes altbuild's notes blocks into a deck: in place in existing notes
/// slides, or in new ones, which need a notes master (and it a theme) when
/// the deck has none. Collects the changed and the new parts; the rewriter
/// writes them out. Relationships and content types are only ever added to.
struct NotesWriter {
    let deck: Deck
    private(set) var replaced: [String: [UInt8]] = [:]
    private(set) var added: [(name: String, bytes: [UInt8])] = []
    private var contentTypes: ContentTypesEditor?
    private var relationships: [String: RelationshipsEditor] = [:]
    private var notesMaster: String?

    init(deck: Deck) { self.deck = deck }

    var package: OPCPackage { deck.package }

    mutating func apply(_ edits: [NotesEdit]) throws {
        for edit in edits {
            guard deck.slideParts.contains(edit.part) else {
                throw AltbuildError(.missingPart, "cannot write notes for \(edit.part): it is not a slide of this deck")
            }
            if let notes = try package.relationships(of: edit.part).first(where: { $0.kind == "notesSlide" && !$0.isExternal }),
               package.contains(notes.target) {
                let document = try package.xml(notes.target)
                if try NotesBody.apply(edit, to: document) { replaced[notes.target] = document.serialize() }
            } else if !edit.paragraphs.isEmpty {
                try createNotes(for: edit)
            }
        }
        try flushEditors()
    }

    /// A new notes slide for the edit's slide, linked both ways and declared.
    private mutating func createNotes(for edit: NotesEdit) throws {
        let master = try notesMasterPart()
        let name = unusedName("ppt/notesSlides/notesSlide", ".xml")
        let document = try XMLDocument(bytes: Array(NotesTemplates.notesSlide.utf8), partName: name)
        _ = try NotesBody.apply(edit, to: document)
        _ = try editor(for: name).add(kind: "notesMaster", target: master)
        _ = try editor(for: name).add(kind: "slide", target: edit.part)
        _ = try editor(for: edit.part).add(kind: "notesSlide", target: name)
        try types().declare(name, as: ContentTypesEditor.notesSlide)
        added.append((name, document.serialize()))
    }

    /// The deck's notes master, made (with a theme) on first need.
    private mutating func notesMasterPart() throws -> String {
        if let notesMaster { return notesMaster }
        let presentationRelationships = try package.relationships(of: deck.presentationPart)
        let presentation = try package.xml(deck.presentationPart)
        guard let root = presentation.root else { throw AltbuildError(.missingPresentation, "the presentation part is empty") }
        if let existing = presentationRelationships.first(where: { $0.kind == "notesMaster" && !$0.isExternal }),
           package.contains(existing.target) {
            listNotesMaster(existing.id, in: presentation)
            notesMaster = existing.target
            return existing.target
        }
        // The notes page's size, within ST_SlideSizeCoordinate's range; portrait Letter otherwise.
        let size = root.child(.presentation, "notesSz")
        func side(_ name: String, _ fallback: Int64) -> Int64 {
            size?.attribute(name).flatMap { Int64($0) }.flatMap { (1...51_206_400).contains($0) ? $0 : nil } ?? fallback
        }
        let width = side("cx", 6_858_000), height = side("cy", 9_144_000)
        let master = unusedName("ppt/notesMasters/notesMaster", ".xml")
        let theme = unusedName("ppt/theme/theme", ".xml")
        added.append((master, Array(NotesTemplates.notesMaster(width: width, height: height).utf8)))
        added.append((theme, try themeBytes(presentationRelationships)))
        _ = try editor(for: master).add(kind: "theme", target: theme)
        listNotesMaster(try editor(for: deck.presentationPart).add(kind: "notesMaster", target: master), in: presentation)
        try types().declare(master, as: ContentTypesEditor.notesMaster)
        try types().declare(theme, as: ContentTypesEditor.theme)
        notesMaster = master
        return master
    }

    /// Names the notes master in `presentation.xml`'s `p:notesMasterIdLst`
    /// (after `p:sldMasterIdLst`, as the schema orders them), unless it is
    /// listed already. python-pptx relates its notes master without listing
    /// it; PowerPoint wants both.
    private mutating func listNotesMaster(_ relationshipID: String, in presentation: XMLDocument) {
        guard let root = presentation.root, root.child(.presentation, "notesMasterIdLst") == nil else { return }
        let uri = root.namespaceURI ?? Namespace.presentation.preferred
        let list = root.insertChild("notesMasterIdLst", namespaceURI: uri, prefix: "p", after: root.child(.presentation, "sldMasterIdLst"))
        list?.appendChild("notesMasterId", namespaceURI: uri, prefix: "p")?
            .setAttribute("id", namespaceURI: Namespace.officeRelationships.preferred, prefix: "r", relationshipID)
        replaced[deck.presentationPart] = presentation.serialize()
    }

    /// A copy of the deck's own theme, so notes pages match its colours and
    /// fonts; the plain template when it has none.
    private func themeBytes(_ presentationRelationships: [Relationship]) throws -> [UInt8] {
        guard let theme = presentationRelationships.first(where: { $0.kind == "theme" && !$0.isExternal }),
              package.contains(theme.target) else { return Array(NotesTemplates.theme.utf8) }
        return try package.bytes(of: theme.target)
    }

    /// `prefix` + the smallest number whose part exists neither in the deck nor among the added.
    private func unusedName(_ prefix: String, _ suffix: String) -> String {
        var number = 1
        while package.contains("\(prefix)\(number)\(suffix)") || added.contains(where: { $0.name == "\(prefix)\(number)\(suffix)" }) {
            number += 1
        }
        return "\(prefix)\(number)\(suffix)"
    }

    private mutating func editor(for source: String) throws -> RelationshipsEditor {
        if let existing = relationships[source] { return existing }
        let made = try RelationshipsEditor(package: package, source: source)
        relationships[source] = made
        return made
    }

    private mutating func types() throws -> ContentTypesEditor {
        if let contentTypes { return contentTypes }
        let made = try ContentTypesEditor(package: package)
        contentTypes = made
        return made
    }

    /// The edited `.rels` files and content types, as changed or new parts.
    private mutating func flushEditors() throws {
        for editor in relationships.values.sorted(by: { $0.part < $1.part }) where editor.changed {
            if package.contains(editor.part) { replaced[editor.part] = editor.serialize() } else { added.append((editor.part, editor.serialize())) }
        }
        if let contentTypes, contentTypes.changed { replaced[ContentTypesEditor.part] = contentTypes.serialize() }
    }
}
