#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// An `Encoder` that builds a `JSONNode` tree for `JSONText` to write.
///
/// Foundation's encoder asks of every value whether it is one of the types
/// it treats specially, by casts to protocols that cost a conformance
/// lookup each, and keeps a coding path it only needs for error messages;
/// on a deck's inventory that was most of a worker's time spent in JSON.
/// This one compares metatypes instead and keeps no path (`codingPath` is
/// always empty). The types Foundation writes differently from their own
/// `encode(to:)` are refused with `JSONUnsupportedType`, for the caller to
/// hand to Foundation.
final class JSONNodeEncoder: Encoder {
    /// What was encoded; nil until something is.
    fileprivate(set) var node: JSONNode?
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    /// A document's value: as `node`, but a value that encodes nothing is
    /// an error, as it is to Foundation.
    static func document<T: Encodable>(_ value: T) throws -> JSONNode {
        guard let node = try encoded(value) else {
            throw EncodingError.invalidValue(value, EncodingError.Context(codingPath: [], debugDescription: "Top-level \(T.self) did not encode any values."))
        }
        return node
    }

    /// `value` as a node inside another: what its `encode(to:)` encoded, `{}` if nothing.
    static func node<T: Encodable>(_ value: T) throws -> JSONNode {
        try encoded(value) ?? .object(JSONObject())
    }

    private static func encoded<T: Encodable>(_ value: T) throws -> JSONNode? {
        if T.self == String.self, let text = value as? String { return .string(text) }
        if T.self == Int.self, let number = value as? Int { return .literal(String(number)) }
        if T.self == Bool.self, let flag = value as? Bool { return .literal(flag ? "true" : "false") }
        if T.self == Data.self || T.self == URL.self || T.self == Decimal.self { throw JSONUnsupportedType() }
        let encoder = JSONNodeEncoder()
        try value.encode(to: encoder)
        return encoder.node
    }

    static func number(_ value: some BinaryInteger) -> JSONNode { .literal(String(value)) }

    /// A float as Foundation writes it: its shortest description, less a
    /// trailing `.0`; infinity and NaN are not JSON.
    static func number<F: BinaryFloatingPoint & CustomStringConvertible>(_ value: F) throws -> JSONNode {
        guard value.isFinite else {
            throw EncodingError.invalidValue(value, EncodingError.Context(codingPath: [], debugDescription: "\(value) is not valid JSON"))
        }
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        return .literal(text)
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if case .object(let object)? = node { return KeyedEncodingContainer(KeyedNodeContainer<Key>(object: object)) }
        let object = JSONObject()
        node = .object(object)
        return KeyedEncodingContainer(KeyedNodeContainer<Key>(object: object))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if case .array(let array)? = node { return UnkeyedNodeContainer(array: array) }
        let array = JSONArray()
        node = .array(array)
        return UnkeyedNodeContainer(array: array)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { SingleNodeContainer(encoder: self) }
}

private struct KeyedNodeContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let object: JSONObject
    var codingPath: [any CodingKey] { [] }

    private func put(_ key: Key, _ value: JSONNode) { object.append(key.stringValue, value) }

    mutating func encodeNil(forKey key: Key) throws { put(key, .literal("null")) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { put(key, .literal(value ? "true" : "false")) }
    mutating func encode(_ value: String, forKey key: Key) throws { put(key, .string(value)) }
    mutating func encode(_ value: Double, forKey key: Key) throws { put(key, try JSONNodeEncoder.number(value)) }
    mutating func encode(_ value: Float, forKey key: Key) throws { put(key, try JSONNodeEncoder.number(value)) }
    mutating func encode(_ value: Int, forKey key: Key) throws { put(key, JSONNodeEncoder.number(value)) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { put(key, JSONNodeEncoder.number(value)) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { put(key, JSONNodeEncoder.number(value)) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { put(key, JSONNodeEncoder.number(value)) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { put(key, JSONNodeEncoder.number(value)) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { put(key, JSONNodeEncoder.number(value)) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { put(key, JSONNodeEncoder.number(value)) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { put(key, JSONNodeEncoder.number(value)) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { put(key, JSONNodeEncoder.number(value)) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { put(key, JSONNodeEncoder.number(value)) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { put(key, try JSONNodeEncoder.node(value)) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        let nested = JSONObject()
        put(key, .object(nested))
        return KeyedEncodingContainer(KeyedNodeContainer<NestedKey>(object: nested))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let nested = JSONArray()
        put(key, .array(nested))
        return UnkeyedNodeContainer(array: nested)
    }

    mutating func superEncoder() -> any Encoder { superEncoder(named: "super") }
    mutating func superEncoder(forKey key: Key) -> any Encoder { superEncoder(named: key.stringValue) }

    private func superEncoder(named name: String) -> any Encoder {
        let encoder = JSONNodeEncoder()
        object.append(name, .deferred(encoder))
        return encoder
    }
}

/// What an unkeyed and a single-value container share: every value they
/// take becomes one node, handed to `put`.
private protocol NodeSink {
    func put(_ node: JSONNode)
}

extension NodeSink {
    mutating func encodeNil() throws { put(.literal("null")) }
    mutating func encode(_ value: Bool) throws { put(.literal(value ? "true" : "false")) }
    mutating func encode(_ value: String) throws { put(.string(value)) }
    mutating func encode(_ value: Double) throws { put(try JSONNodeEncoder.number(value)) }
    mutating func encode(_ value: Float) throws { put(try JSONNodeEncoder.number(value)) }
    mutating func encode(_ value: Int) throws { put(JSONNodeEncoder.number(value)) }
    mutating func encode(_ value: Int8) throws { put(JSONNodeEncoder.number(value)) }
    mutating func encode(_ value: Int16) throws { put(JSONNodeEncoder.number(value)) }
    mutating func encode(_ value: Int32) throws { put(JSONNodeEncoder.number(value)) }
    mutating func encode(_ value: Int64) throws { put(JSONNodeEncoder.number(value)) }
    mutating func encode(_ value: UInt) throws { put(JSONNodeEncoder.number(value)) }
    mutating func encode(_ value: UInt8) throws { put(JSONNodeEncoder.number(value)) }
    mutating func encode(_ value: UInt16) throws { put(JSONNodeEncoder.number(value)) }
    mutating func encode(_ value: UInt32) throws { put(JSONNodeEncoder.number(value)) }
    mutating func encode(_ value: UInt64) throws { put(JSONNodeEncoder.number(value)) }
    mutating func encode<T: Encodable>(_ value: T) throws { put(try JSONNodeEncoder.node(value)) }
}

private struct UnkeyedNodeContainer: UnkeyedEncodingContainer, NodeSink {
    let array: JSONArray
    var codingPath: [any CodingKey] { [] }
    var count: Int { array.values.count }

    func put(_ value: JSONNode) { array.values.append(value) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let nested = JSONObject()
        put(.object(nested))
        return KeyedEncodingContainer(KeyedNodeContainer<NestedKey>(object: nested))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let nested = JSONArray()
        put(.array(nested))
        return UnkeyedNodeContainer(array: nested)
    }

    mutating func superEncoder() -> any Encoder {
        let encoder = JSONNodeEncoder()
        put(.deferred(encoder))
        return encoder
    }
}

/// One value, set on the encoder that handed the container out.
private struct SingleNodeContainer: SingleValueEncodingContainer, NodeSink {
    let encoder: JSONNodeEncoder
    var codingPath: [any CodingKey] { [] }

    func put(_ node: JSONNode) { encoder.node = node }
}
