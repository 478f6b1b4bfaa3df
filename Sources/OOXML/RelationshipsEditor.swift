import AltbuildSupport

/// Adds relationships to one part's `.rels`, reading the existing file or
/// starting a new one. Only adds: altbuild never removes a relationship.
final class RelationshipsEditor {
    let source: String
    private let document: XMLDocument
    private var ids: Set<String>
    private(set) var changed = false

    static let typeBase = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"

    init(package: OPCPackage, source: String) throws {
        self.source = source
        let part = PartNames.relationshipsPart(for: source)
        if package.contains(part) {
            document = try package.xml(part)
        } else {
            let empty = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"\(Namespace.packageRelationships.preferred)\"/>"
            document = try XMLDocument(bytes: Array(empty.utf8), partName: part)
        }
        ids = Set(document.root?.children(.packageRelationships, "Relationship").compactMap { $0.attribute("Id") } ?? [])
    }

    var part: String { PartNames.relationshipsPart(for: source) }

    /// Adds a relationship of `kind` (`notesSlide`) to the part `target` and returns its new id.
    func add(kind: String, target: String) throws -> String {
        var number = ids.count + 1
        while ids.contains("rId\(number)") { number += 1 }
        let id = "rId\(number)"
        guard let root = document.root,
              let element = root.appendChild("Relationship", namespaceURI: root.namespaceURI ?? Namespace.packageRelationships.preferred, prefix: "") else {
            throw AltbuildError(.internalError, "cannot add a relationship to \(part)")
        }
        element.setAttribute("Id", id)
        element.setAttribute("Type", Self.typeBase + kind)
        element.setAttribute("Target", PartNames.relative(target, from: source))
        ids.insert(id)
        changed = true
        return id
    }

    func serialize() -> [UInt8] { document.serialize() }
}
