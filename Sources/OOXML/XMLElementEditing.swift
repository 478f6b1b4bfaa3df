import AltbuildSupport
internal import CLibXML2

/// The few edits altbuild makes beyond attributes: removing paragraphs of
/// its own, adding paragraphs and list entries, in the schema's order.
extension XMLElement {
    /// Unlinks this element and frees it; it must not be used afterwards.
    public func remove() {
        xmlUnlinkNode(node)
        xmlFreeNode(node)
    }

    /// Appends character data; the serializer escapes it.
    public func appendText(_ text: String) {
        xmlNodeAddContent(node, text)
    }

    /// Inserts a new element right after `sibling` (one of this element's
    /// children), or first when `sibling` is nil: for lists whose position
    /// the schema fixes, such as `p:notesMasterIdLst` after `p:sldMasterIdLst`.
    @discardableResult
    public func insertChild(_ name: String, namespaceURI uri: String, prefix: String, after sibling: XMLElement?) -> XMLElement? {
        guard let sibling else { return prependChild(name, namespaceURI: uri, prefix: prefix) }
        var ns = xmlSearchNsByHref(node.pointee.doc, node, uri)
        guard let child = xmlNewDocNode(node.pointee.doc, ns, name, nil) else { return nil }
        xmlAddNextSibling(sibling.node, child)
        if ns == nil {
            ns = xmlNewNs(child, uri, prefix)
            xmlSetNs(child, ns)
        }
        return XMLElement(child)
    }

    /// Sets a namespaced attribute (`r:id`), declaring the namespace on this
    /// element when no declaration of it is in scope.
    public func setAttribute(_ name: String, namespaceURI uri: String, prefix: String, _ value: String) {
        var ns = xmlSearchNsByHref(node.pointee.doc, node, uri)
        if ns == nil { ns = xmlNewNs(node, uri, prefix) }
        xmlSetNsProp(node, ns, name, value)
    }
}
