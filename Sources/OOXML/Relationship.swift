import AltbuildSupport
/// One relationship from a part's `.rels` file, with its target resolved to a
/// part name inside the package (or left as given when external).
public struct Relationship: Sendable, Equatable {
    public let id: String
    public let type: String
    public let target: String
    public let isExternal: Bool

    /// The last path segment of the type URI (`slide`, `image`, `notesSlide`),
    /// which is the same in Transitional and Strict packages.
    public var kind: String {
        type.split(separator: "/").last.map(String.init) ?? type
    }
}

enum PartNames {
    /// `ppt/slides/slide1.xml` → `ppt/slides/_rels/slide1.xml.rels`; `""` (the package) → `_rels/.rels`.
    static func relationshipsPart(for part: String) -> String {
        guard let slash = part.lastIndex(of: "/") else { return "_rels/\(part).rels" }
        return "\(part[..<slash])/_rels/\(part[part.index(after: slash)...]).rels"
    }

    /// Resolves a relationship target against its source part, as OPC says:
    /// relative to the source's folder, or from the package root when it
    /// starts with `/`. Percent-escapes are decoded and `.`/`..` folded.
    static func resolve(_ target: String, from source: String) -> String {
        var path = ResolvedPath()
        let decoded = percentDecoded(target)
        if decoded.utf8.first != UInt8(ascii: "/"), let slash = source.utf8.lastIndex(of: UInt8(ascii: "/")) {
            for segment in source.utf8[..<slash].split(separator: UInt8(ascii: "/")) { path.push(segment) }
        }
        for segment in decoded.utf8.split(separator: UInt8(ascii: "/")) {
            if segment.elementsEqual([UInt8(ascii: ".")]) { continue }
            if segment.elementsEqual([UInt8(ascii: "."), UInt8(ascii: ".")]) { path.pop() } else { path.push(segment) }
        }
        return String(decoding: path.bytes, as: UTF8.self)
    }

    /// Segments joined by slashes as they are pushed, in bytes.
    private struct ResolvedPath {
        var bytes: [UInt8] = []
        /// Where each segment starts, its slash included.
        var starts: [Int] = []

        mutating func push(_ segment: Substring.UTF8View.SubSequence) {
            starts.append(bytes.count)
            if starts.count > 1 { bytes.append(UInt8(ascii: "/")) }
            bytes.append(contentsOf: segment)
        }

        mutating func pop() {
            guard let start = starts.popLast() else { return }
            bytes.removeSubrange(start...)
        }
    }

    /// The relative target a relationship from `source` to `target` is
    /// written with: `ppt/slides/slide1.xml` → `ppt/notesSlides/n1.xml` is
    /// `../notesSlides/n1.xml`. Part names altbuild makes need no escaping.
    static func relative(_ target: String, from source: String) -> String {
        var from = source.split(separator: "/").dropLast()
        var to = target.split(separator: "/")
        while let first = from.first, let other = to.first, first == other, to.count > 1 {
            from.removeFirst()
            to.removeFirst()
        }
        return (Array(repeating: "..", count: from.count) + to.map(String.init)).joined(separator: "/")
    }

    static func percentDecoded(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "%")) else { return text }
        var out: [UInt8] = []
        let bytes = Array(text.utf8)
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "%"), i + 2 < bytes.count,
               let value = UInt8(String(decoding: bytes[(i + 1)...(i + 2)], as: UTF8.self), radix: 16) {
                out.append(value)
                i += 3
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
