import AltbuildSupport
/// An Open Packaging Conventions package: the zip archive plus its content
/// types and relationships. Parts are read lazily and XML parts are parsed
/// with the hardened parser.
public final class OPCPackage {
    public let archive: ZipArchive
    let limits: ReadLimits
    private var relationshipCache: [String: [Relationship]] = [:]

    init(archive: ZipArchive, limits: ReadLimits) {
        self.archive = archive
        self.limits = limits
    }

    public func contains(_ part: String) -> Bool { archive.contains(part) }

    public func bytes(of part: String) throws -> [UInt8] {
        try archive.read(part)
    }

    public func xml(_ part: String) throws -> XMLDocument {
        let bytes = try archive.read(part, limit: limits.maxXMLBytes)
        return try XMLDocument(bytes: bytes, partName: part)
    }

    /// The relationships of `part` (`""` for the package itself). A part with
    /// no `.rels` has none; a `.rels` that is not XML is an error.
    public func relationships(of part: String) throws -> [Relationship] {
        if let cached = relationshipCache[part] { return cached }
        let relsPart = PartNames.relationshipsPart(for: part)
        guard archive.contains(relsPart) else { return [] }
        let document = try xml(relsPart)
        var result: [Relationship] = []
        for element in document.root?.children(.packageRelationships, "Relationship") ?? [] {
            guard let id = element.attribute("Id"), let type = element.attribute("Type"),
                  let target = element.attribute("Target") else { continue }
            let external = element.attribute("TargetMode") == "External"
            result.append(Relationship(
                id: id, type: type,
                target: external ? target : PartNames.resolve(target, from: part),
                isExternal: external))
        }
        relationshipCache[part] = result
        return result
    }

    public func relationship(of part: String, id: String) throws -> Relationship? {
        try relationships(of: part).first { $0.id == id }
    }
}
