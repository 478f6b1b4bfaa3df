import AltbuildSupport

/// Declares the content type of parts altbuild adds, in `[Content_Types].xml`.
final class ContentTypesEditor {
    static let part = "[Content_Types].xml"
    private let document: XMLDocument
    private(set) var changed = false

    static let notesSlide = "application/vnd.openxmlformats-officedocument.presentationml.notesSlide+xml"
    static let notesMaster = "application/vnd.openxmlformats-officedocument.presentationml.notesMaster+xml"
    static let theme = "application/vnd.openxmlformats-officedocument.theme+xml"

    init(package: OPCPackage) throws {
        document = try package.xml(Self.part)
    }

    /// An `Override` for `part` (a name without the leading slash).
    func declare(_ part: String, as type: String) throws {
        guard let root = document.root,
              let element = root.appendChild("Override", namespaceURI: root.namespaceURI ?? Namespace.contentTypes.preferred, prefix: "") else {
            throw AltbuildError(.internalError, "cannot declare \(part) in \(Self.part)")
        }
        element.setAttribute("PartName", "/" + part)
        element.setAttribute("ContentType", type)
        changed = true
    }

    func serialize() -> [UInt8] { document.serialize() }
}
