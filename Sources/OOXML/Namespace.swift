import AltbuildSupport
#if canImport(Glibc)
import Glibc
#endif
/// A family of namespace URIs that mean the same vocabulary: the Transitional
/// URI and, where one exists, its Strict (`http://purl.oclc.org/ooxml/...`) twin.
public struct Namespace: Sendable {
    public let uris: [String]

    public init(_ uris: String...) { self.uris = uris }

    public func matches(_ uri: String) -> Bool { uris.contains(uri) }

    /// The same for a URI as libxml2 holds it, compared without copying it.
    func matches(_ uri: UnsafePointer<UInt8>) -> Bool {
        let text = UnsafeRawPointer(uri).assumingMemoryBound(to: CChar.self)
        return uris.contains { $0.withCString { strcmp(text, $0) == 0 } }
    }

    /// The URI to use when altbuild writes new markup into a document.
    public var preferred: String { uris[0] }
}

extension Namespace {
    public static let presentation = Namespace(
        "http://schemas.openxmlformats.org/presentationml/2006/main",
        "http://purl.oclc.org/ooxml/presentationml/main")
    public static let drawing = Namespace(
        "http://schemas.openxmlformats.org/drawingml/2006/main",
        "http://purl.oclc.org/ooxml/drawingml/main")
    public static let officeRelationships = Namespace(
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
        "http://purl.oclc.org/ooxml/officeDocument/relationships")
    public static let chart = Namespace(
        "http://schemas.openxmlformats.org/drawingml/2006/chart",
        "http://purl.oclc.org/ooxml/drawingml/chart")
    public static let chartex = Namespace("http://schemas.microsoft.com/office/drawing/2014/chartex")
    public static let diagram = Namespace(
        "http://schemas.openxmlformats.org/drawingml/2006/diagram",
        "http://purl.oclc.org/ooxml/drawingml/diagram")
    public static let markupCompatibility = Namespace(
        "http://schemas.openxmlformats.org/markup-compatibility/2006")
    public static let packageRelationships = Namespace(
        "http://schemas.openxmlformats.org/package/2006/relationships")
    public static let contentTypes = Namespace(
        "http://schemas.openxmlformats.org/package/2006/content-types")
    public static let powerPoint2010 = Namespace("http://schemas.microsoft.com/office/powerpoint/2010/main")
    public static let decorative = Namespace("http://schemas.microsoft.com/office/drawing/2017/decorative")
}

/// The extension URI under which PowerPoint stores the "Mark as decorative" flag.
public let decorativeExtensionURI = "{C183D7F6-B498-43B3-948B-1728B52AA6E4}"
