#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A `Decoder` over a `JSONNode` tree from `JSONParser`: the reading side
/// of `JSONNodeEncoder`, for the same reason (Foundation's decoder spends
/// most of its time on casts and coding paths). It keeps no coding path
/// either, so its errors say what was wrong but not where. The types
/// Foundation reads its own way are refused with `JSONUnsupportedType`,
/// for the caller to hand to Foundation.
struct JSONNodeDecoder: Decoder {
    let node: JSONNode

    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    static func decode<T: Decodable>(_ type: T.Type, from node: JSONNode) throws -> T {
        if T.self == String.self, let text = try JSONNodeDecoder(node: node).text() as? T { return text }
        if T.self == Data.self || T.self == URL.self || T.self == Decimal.self { throw JSONUnsupportedType() }
        return try T(from: JSONNodeDecoder(node: node))
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .object(let object) = node else { throw mismatch([String: Any].self, "an object") }
        return KeyedDecodingContainer(KeyedNodeReader<Key>(object: object))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .array(let array) = node else { throw mismatch([Any].self, "an array") }
        return UnkeyedNodeReader(values: array.values)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { SingleNodeReader(decoder: self) }

    var isNull: Bool {
        if case .literal("null") = node { return true }
        return false
    }

    func text() throws -> String {
        guard case .string(let text) = node else { throw mismatch(String.self, "a string") }
        return text
    }

    func flag() throws -> Bool {
        switch node {
        case .literal("true"): return true
        case .literal("false"): return false
        default: throw mismatch(Bool.self, "true or false")
        }
    }

    /// A number that `make` reads exactly from JSON's text, else an error:
    /// an integer type from a number with a fraction or out of its range.
    func number<T>(_ type: T.Type, _ make: (String) -> T?) throws -> T {
        guard case .literal(let text) = node, !["true", "false", "null"].contains(text) else { throw mismatch(T.self, "a number") }
        guard let value = make(text) else {
            throw DecodingError.dataCorrupted(DecodingError.Context(codingPath: [], debugDescription: "the number \(text) does not fit \(T.self)"))
        }
        return value
    }

    /// Written as an integer, or as a number that is one exactly (`1e3`, `2.0`).
    func integer<T: FixedWidthInteger>(_ type: T.Type) throws -> T {
        try number(type) { text in T(text) ?? Double(text).flatMap { T(exactly: $0) } }
    }

    func float<T: LosslessStringConvertible>(_ type: T.Type) throws -> T { try number(type) { T($0) } }

    func mismatch(_ type: Any.Type, _ expected: String) -> DecodingError {
        DecodingError.typeMismatch(type, DecodingError.Context(codingPath: [], debugDescription: "expected \(expected), found \(node.kind)"))
    }
}

extension JSONNode {
    /// What the node is, for messages.
    var kind: String {
        switch self {
        case .literal("null"): return "null"
        case .literal("true"), .literal("false"): return "a boolean"
        case .literal: return "a number"
        case .string: return "a string"
        case .object: return "an object"
        case .array: return "an array"
        case .deferred: return "a value"
        }
    }
}

private struct KeyedNodeReader<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let object: JSONObject
    var codingPath: [any CodingKey] { [] }

    var allKeys: [Key] { object.entries.compactMap { Key(stringValue: $0.key) } }

    func contains(_ key: Key) -> Bool { object.index(of: key.stringValue) != nil }

    /// The value of `key`; a key given twice is read as its first value, as Foundation does.
    private func decoder(_ key: Key) throws -> JSONNodeDecoder {
        guard let index = object.index(of: key.stringValue) else {
            throw DecodingError.keyNotFound(key, DecodingError.Context(codingPath: [], debugDescription: "no value for the key \"\(key.stringValue)\""))
        }
        return JSONNodeDecoder(node: object.entries[index].value)
    }

    func decodeNil(forKey key: Key) throws -> Bool { try decoder(key).isNull }
    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try decoder(key).flag() }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try decoder(key).text() }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try decoder(key).float(type) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try decoder(key).float(type) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try decoder(key).integer(type) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try decoder(key).integer(type) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try decoder(key).integer(type) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try decoder(key).integer(type) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try decoder(key).integer(type) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try decoder(key).integer(type) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try decoder(key).integer(type) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try decoder(key).integer(type) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try decoder(key).integer(type) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try decoder(key).integer(type) }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try JSONNodeDecoder.decode(type, from: decoder(key).node) }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try decoder(key).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer { try decoder(key).unkeyedContainer() }

    func superDecoder() throws -> any Decoder { superDecoder(named: "super") }
    func superDecoder(forKey key: Key) throws -> any Decoder { superDecoder(named: key.stringValue) }

    /// A missing key reads as null, as Foundation's does.
    private func superDecoder(named name: String) -> any Decoder {
        JSONNodeDecoder(node: object.index(of: name).map { object.entries[$0].value } ?? .literal("null"))
    }
}

/// What an unkeyed and a single-value container share: each value asked
/// for is read from the node `next` gives.
private protocol NodeSource: AnyObject {
    func next(_ type: Any.Type) throws -> JSONNodeDecoder
}

extension NodeSource {
    func decode(_ type: Bool.Type) throws -> Bool { try next(type).flag() }
    func decode(_ type: String.Type) throws -> String { try next(type).text() }
    func decode(_ type: Double.Type) throws -> Double { try next(type).float(type) }
    func decode(_ type: Float.Type) throws -> Float { try next(type).float(type) }
    func decode(_ type: Int.Type) throws -> Int { try next(type).integer(type) }
    func decode(_ type: Int8.Type) throws -> Int8 { try next(type).integer(type) }
    func decode(_ type: Int16.Type) throws -> Int16 { try next(type).integer(type) }
    func decode(_ type: Int32.Type) throws -> Int32 { try next(type).integer(type) }
    func decode(_ type: Int64.Type) throws -> Int64 { try next(type).integer(type) }
    func decode(_ type: UInt.Type) throws -> UInt { try next(type).integer(type) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try next(type).integer(type) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try next(type).integer(type) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try next(type).integer(type) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try next(type).integer(type) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try JSONNodeDecoder.decode(type, from: next(type).node) }
}

private final class UnkeyedNodeReader: UnkeyedDecodingContainer, NodeSource {
    let values: [JSONNode]
    var codingPath: [any CodingKey] { [] }
    var count: Int? { values.count }
    var isAtEnd: Bool { currentIndex >= values.count }
    private(set) var currentIndex = 0

    init(values: [JSONNode]) { self.values = values }

    /// The next value, and a step past it.
    func next(_ type: Any.Type) throws -> JSONNodeDecoder {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(type, DecodingError.Context(codingPath: [], debugDescription: "the array has no more values"))
        }
        currentIndex += 1
        return JSONNodeDecoder(node: values[currentIndex - 1])
    }

    func decodeNil() throws -> Bool {
        guard !isAtEnd, JSONNodeDecoder(node: values[currentIndex]).isNull else { return false }
        currentIndex += 1
        return true
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        try next(type).container(keyedBy: type)
    }

    func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer { try next([Any].self).unkeyedContainer() }

    func superDecoder() throws -> any Decoder { try next(Any.self) }
}

/// The one value of a decoder, read as often as asked.
private final class SingleNodeReader: SingleValueDecodingContainer, NodeSource {
    let decoder: JSONNodeDecoder
    var codingPath: [any CodingKey] { [] }

    init(decoder: JSONNodeDecoder) { self.decoder = decoder }

    func next(_ type: Any.Type) -> JSONNodeDecoder { decoder }
    func decodeNil() -> Bool { decoder.isNull }
}
