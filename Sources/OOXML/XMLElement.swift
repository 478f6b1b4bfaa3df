import AltbuildSupport
internal import CLibXML2
#if canImport(Glibc)
import Glibc
#endif

/// A borrowed view of one element of an `XMLDocument`.
///
/// Navigation is by namespace URI and local name, never by prefix, because
/// prefixes are the author's choice and Strict decks use different URIs.
public struct XMLElement {
    let node: xmlNodePtr

    init(_ node: xmlNodePtr) { self.node = node }

    public var localName: String { String(cString: node.pointee.name) }

    public var namespaceURI: String? {
        node.pointee.ns.flatMap { $0.pointee.href }.map { String(cString: $0) }
    }

    /// True when the element is `name` in any of the namespaces `family` covers.
    /// Compared as C strings, without making a Swift string of either name:
    /// the scanner asks this of every element it passes.
    public func `is`(_ family: Namespace, _ name: String) -> Bool {
        guard hasLocalName(name), let href = node.pointee.ns?.pointee.href else { return false }
        return family.matches(href)
    }

    /// Whether the element is in one of the namespaces `family` covers, whatever its name.
    public func isIn(_ family: Namespace) -> Bool {
        node.pointee.ns?.pointee.href.map(family.matches) ?? false
    }

    /// Whether the element's local name is `name`, whatever its namespace.
    public func hasLocalName(_ name: String) -> Bool {
        guard let own = node.pointee.name else { return false }
        return name.withCString { strcmp(UnsafeRawPointer(own).assumingMemoryBound(to: CChar.self), $0) == 0 }
    }

    public var children: [XMLElement] { Array(childElements) }

    /// The child elements in order, read from the tree as they are asked for.
    var childElements: ChildElements { ChildElements(first: node.pointee.children) }

    public func child(_ family: Namespace, _ name: String) -> XMLElement? {
        childElements.first { $0.is(family, name) }
    }

    public func children(_ family: Namespace, _ name: String) -> [XMLElement] {
        childElements.filter { $0.is(family, name) }
    }

    /// Follows a path of (namespace, name) steps, taking the first match at each.
    public func path(_ steps: (Namespace, String)...) -> XMLElement? {
        var current: XMLElement? = self
        for (family, name) in steps { current = current?.child(family, name) }
        return current
    }

    /// Every descendant element in document order that satisfies `predicate`.
    public func descendants(where predicate: (XMLElement) -> Bool) -> [XMLElement] {
        var result: [XMLElement] = []
        func walk(_ element: XMLElement) {
            for child in element.childElements {
                if predicate(child) { result.append(child) }
                walk(child)
            }
        }
        walk(self)
        return result
    }

    /// An attribute without a namespace, such as `descr` or `r:id`'s sibling `id`.
    public func attribute(_ name: String) -> String? {
        guard let value = xmlGetNoNsProp(node, name) else { return nil }
        defer { cxml_free(value) }
        return String(cString: value)
    }

    /// A namespaced attribute such as `r:embed`, looked up in every URI of the family.
    public func attribute(_ family: Namespace, _ name: String) -> String? {
        for uri in family.uris {
            if let value = xmlGetNsProp(node, name, uri) {
                defer { cxml_free(value) }
                return String(cString: value)
            }
        }
        return nil
    }

    public func setAttribute(_ name: String, _ value: String) {
        xmlSetProp(node, name, value)
    }

    /// The concatenated text of this element and its descendants.
    public var textContent: String {
        guard let content = xmlNodeGetContent(node) else { return "" }
        defer { cxml_free(content) }
        return String(cString: content)
    }

    /// Appends a new child element in `uri`, reusing a namespace declaration in
    /// scope for it or declaring one with `prefix` on the new element.
    @discardableResult
    public func appendChild(_ name: String, namespaceURI uri: String, prefix: String) -> XMLElement? {
        var ns = xmlSearchNsByHref(node.pointee.doc, node, uri)
        guard let child = xmlNewChild(node, ns, name, nil) else { return nil }
        if ns == nil {
            ns = xmlNewNs(child, uri, prefix)
            xmlSetNs(child, ns)
        }
        return XMLElement(child)
    }

    /// Inserts a new element as the first child, for elements whose schema
    /// position matters. Declares the namespace like `appendChild`.
    @discardableResult
    public func prependChild(_ name: String, namespaceURI uri: String, prefix: String) -> XMLElement? {
        guard let first = node.pointee.children else {
            return appendChild(name, namespaceURI: uri, prefix: prefix)
        }
        var ns = xmlSearchNsByHref(node.pointee.doc, node, uri)
        guard let child = xmlNewDocNode(node.pointee.doc, ns, name, nil) else { return nil }
        xmlAddPrevSibling(first, child)
        if ns == nil {
            ns = xmlNewNs(child, uri, prefix)
            xmlSetNs(child, ns)
        }
        return XMLElement(child)
    }
}

/// The element children of a node, following libxml2's sibling links.
struct ChildElements: Sequence, IteratorProtocol {
    private var cursor: xmlNodePtr?

    init(first: xmlNodePtr?) { cursor = first }

    mutating func next() -> XMLElement? {
        while let current = cursor {
            cursor = current.pointee.next
            if current.pointee.type == XML_ELEMENT_NODE { return XMLElement(current) }
        }
        return nil
    }
}
