import AltbuildSupport
internal import CLibXML2

/// A parsed XML part. Owns the libxml2 document; `XMLElement` values borrowed
/// from it are valid only while it lives.
///
/// Parsing is hardened for hostile input: no network, no DTD loading, no
/// entity substitution, an external-entity loader that refuses everything, and
/// any document type declaration is rejected (OPC forbids DTDs in package
/// parts, so a DTD is only ever an attack: XXE or "billion laughs").
public final class XMLDocument {
    let doc: xmlDocPtr

    /// Parses `bytes`; `partName` is used in error messages only.
    public init(bytes: [UInt8], partName: String) throws {
        XMLDocument.hardenOnce
        if XMLDocument.declaresDocumentType(bytes) {
            throw AltbuildError(.xmlDTD, "\(partName) declares a document type (DTD); package parts may not, so it is refused")
        }
        guard let context = xmlNewParserCtxt() else {
            throw AltbuildError(.internalError, "libxml2 could not allocate a parser")
        }
        defer { xmlFreeParserCtxt(context) }
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        let parsed = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.flatMap { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    // No forced encoding: OPC allows UTF-16 parts, which libxml2 detects from the BOM.
                    xmlCtxtReadMemory(context, $0, Int32(buffer.count), partName, nil, options)
                }
            }
        }
        guard let parsed, context.pointee.wellFormed != 0 else {
            if let parsed { xmlFreeDoc(parsed) }
            var detail = "not well-formed"
            if let error = xmlCtxtGetLastError(context) {
                if error.pointee.code == Int32(XML_ERR_NO_MEMORY.rawValue) {
                    throw AltbuildError(.resourceLimit, "\(partName) needs more memory than the worker is allowed (--worker-memory)")
                }
                if let message = error.pointee.message {
                    detail = "line \(error.pointee.line): \(String(cString: message).trimmingTrailingNewlines())"
                }
            }
            throw AltbuildError(.xmlMalformed, "malformed XML in \(partName): \(detail)")
        }
        if parsed.pointee.intSubset != nil || parsed.pointee.extSubset != nil {
            xmlFreeDoc(parsed)
            throw AltbuildError(.xmlDTD, "\(partName) declares a document type (DTD); package parts may not, so it is refused")
        }
        doc = parsed
    }

    deinit { xmlFreeDoc(doc) }

    public var root: XMLElement? {
        xmlDocGetRootElement(doc).map(XMLElement.init)
    }

    /// Serializes the document as UTF-8 with its XML declaration.
    public func serialize() -> [UInt8] {
        var memory: UnsafeMutablePointer<xmlChar>?
        var size: Int32 = 0
        xmlDocDumpMemoryEnc(doc, &memory, &size, "UTF-8")
        guard let memory else { return [] }
        defer { cxml_free(memory) }
        return Array(UnsafeBufferPointer(start: memory, count: Int(size)))
    }

    /// Looks past the XML declaration, comments and processing instructions
    /// for `<!DOCTYPE`, so a DTD is refused before libxml2 reads a byte of it.
    static func declaresDocumentType(_ original: [UInt8]) -> Bool {
        let bytes = asciiView(original)
        var i = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { i = 3 }
        func at(_ text: String) -> Bool {
            let t = Array(text.utf8)
            return i + t.count <= bytes.count && bytes[i..<(i + t.count)].elementsEqual(t)
        }
        func skip(past terminator: String) {
            let t = Array(terminator.utf8)
            while i < bytes.count && !at(terminator) { i += 1 }
            i = min(i + t.count, bytes.count)
        }
        while i < bytes.count {
            let c = bytes[i]
            if c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D { i += 1; continue }
            if at("<?") { skip(past: "?>"); continue }
            if at("<!--") { skip(past: "-->"); continue }
            return at("<!DOCTYPE")
        }
        return false
    }

    /// UTF-16 text (by its BOM) narrowed to one byte per character, non-ASCII
    /// as 0xFF, so the DOCTYPE check reads it like UTF-8; other text as it is.
    static func asciiView(_ bytes: [UInt8]) -> [UInt8] {
        let littleEndian = bytes.starts(with: [0xFF, 0xFE])
        guard littleEndian || bytes.starts(with: [0xFE, 0xFF]) else { return bytes }
        var narrow: [UInt8] = []
        narrow.reserveCapacity(bytes.count / 2)
        var i = 2
        while i + 1 < bytes.count {
            let (low, high) = littleEndian ? (bytes[i], bytes[i + 1]) : (bytes[i + 1], bytes[i])
            narrow.append(high == 0 && low < 0x80 ? low : 0xFF)
            i += 2
        }
        return narrow
    }

    /// Process-wide hardening, applied before the first parse.
    private static let hardenOnce: Void = {
        xmlInitParser()
        xmlSetExternalEntityLoader { _, _, _ in nil }
    }()
}

extension String {
    func trimmingTrailingNewlines() -> String {
        var s = Substring(self)
        while let last = s.last, last == "\n" || last == "\r" { s = s.dropLast() }
        return String(s)
    }
}
