#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// JSON with sorted keys: the one encoding of altbuild's records and keys,
/// so that the same value is the same bytes, and so the same digest, on
/// every machine and every run.
///
/// The bytes are those of Foundation's `JSONEncoder` with `.sortedKeys` and
/// `.withoutEscapingSlashes` (so records and keys stored by earlier versions
/// keep their digests), written by `JSONNodeEncoder` and `JSONText`, which
/// cost a fraction of Foundation's time; a value holding a type they leave
/// to Foundation (`Data`, `URL`, `Decimal`) is encoded by Foundation.
public enum CanonicalJSON {
    public static func encode<Value: Encodable>(_ value: Value) throws -> [UInt8] {
        try encode(value, pretty: false)
    }

    /// The same, as text (for keys and lines that are strings).
    public static func text<Value: Encodable>(_ value: Value) throws -> String {
        String(decoding: try encode(value), as: UTF8.self)
    }

    /// The same keys and values laid out one to a line, indented two spaces a
    /// level (Foundation's `.prettyPrinted`): for files people read and diff.
    public static func pretty<Value: Encodable>(_ value: Value) throws -> [UInt8] {
        try encode(value, pretty: true)
    }

    static func encode<Value: Encodable>(_ value: Value, pretty: Bool) throws -> [UInt8] {
        let node: JSONNode
        do {
            node = try JSONNodeEncoder.document(value)
        } catch is JSONUnsupportedType {
            return try foundationEncode(value, pretty: pretty)
        }
        var text = JSONText(pretty: pretty)
        try text.write(node)
        return text.bytes
    }

    /// `type` read from JSON text, any valid JSON (not only this encoding's),
    /// by `JSONParser` and `JSONNodeDecoder`: what Foundation's `JSONDecoder`
    /// reads, at a fraction of its cost. For altbuild's own messages and
    /// records; errors say what is wrong but not where, so files people
    /// edit are better read by Foundation.
    public static func decode<Value: Decodable>(_ type: Value.Type, from bytes: [UInt8]) throws -> Value {
        let node = try JSONParser.parse(bytes)
        do {
            return try JSONNodeDecoder.decode(type, from: node)
        } catch is JSONUnsupportedType {
            return try JSONDecoder().decode(type, from: Data(bytes))
        }
    }

    /// Foundation's encoding, which the one above matches byte for byte.
    static func foundationEncode<Value: Encodable>(_ value: Value, pretty: Bool) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted] : [.sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(value))
    }
}
