/// A JSON value as `JSONNodeEncoder` builds it or `JSONParser` reads it,
/// and its text.
///
/// Objects and arrays are classes so that a container handed out by the
/// encoder can keep filling the node its parent already holds.
enum JSONNode {
    /// A number, `true`, `false` or `null`: written as it is.
    case literal(String)
    case string(String)
    case object(JSONObject)
    case array(JSONArray)
    /// What a nested encoder encodes, read when the text is written
    /// (`superEncoder`); `{}` if it encodes nothing.
    case deferred(JSONNodeEncoder)
}

final class JSONObject {
    private(set) var entries: [(key: String, value: JSONNode)]
    /// Key to position, made when a large object is first searched.
    private var positions: [String: Int]?

    init(_ entries: [(key: String, value: JSONNode)] = []) { self.entries = entries }

    func append(_ key: String, _ value: JSONNode) {
        if entries.isEmpty { entries.reserveCapacity(8) }
        entries.append((key, value))
        positions = nil
    }

    /// Where `key`'s value is; of a key given twice, the first, as
    /// Foundation's decoder reads it.
    func index(of key: String) -> Int? {
        guard entries.count > 16 else { return entries.firstIndex { $0.key == key } }
        if positions == nil {
            positions = Dictionary(entries.enumerated().map { ($1.key, $0) }, uniquingKeysWith: { first, _ in first })
        }
        return positions?[key]
    }
}

/// A value of a type Foundation encodes and decodes its own way (`Data`,
/// `URL`, `Decimal`): the node coders leave the whole document to Foundation.
struct JSONUnsupportedType: Error {}

final class JSONArray {
    var values: [JSONNode]

    init(_ values: [JSONNode] = []) { self.values = values }
}

/// The text of a node: keys sorted by their UTF-8 bytes (a key given twice
/// keeps its last value), slashes not escaped, and either no whitespace at
/// all or, pretty, two spaces of indent a level and `" : "` after a key.
/// These are the choices of Foundation's `JSONEncoder` with `.sortedKeys`,
/// `.withoutEscapingSlashes` and optionally `.prettyPrinted`, down to the
/// byte, because digests of this text name records already stored.
struct JSONText {
    /// As deep as Foundation lets a document nest.
    static let maximumDepth = 512

    let pretty: Bool
    private(set) var bytes: [UInt8] = []

    init(pretty: Bool) { self.pretty = pretty }

    mutating func write(_ node: JSONNode, depth: Int = 0) throws {
        switch node {
        case .literal(let text): bytes.append(contentsOf: text.utf8)
        case .string(let text): writeString(text)
        case .array(let array): try writeArray(array.values, depth: depth + 1)
        case .object(let object): try writeObject(object, depth: depth + 1)
        case .deferred(let encoder): try write(encoder.node ?? .object(JSONObject()), depth: depth)
        }
    }

    private mutating func writeArray(_ values: [JSONNode], depth: Int) throws {
        try checkDepth(depth)
        bytes.append(UInt8(ascii: "["))
        if pretty { bytes.append(0x0A) }
        for (index, value) in values.enumerated() {
            if index > 0 { separate() }
            indent(depth)
            try write(value, depth: depth)
        }
        close(UInt8(ascii: "]"), depth: depth)
    }

    private mutating func writeObject(_ object: JSONObject, depth: Int) throws {
        try checkDepth(depth)
        bytes.append(UInt8(ascii: "{"))
        if pretty { bytes.append(0x0A) }
        for (index, entry) in order(of: object).enumerated() {
            if index > 0 { separate() }
            indent(depth)
            let (key, value) = object.entries[entry]
            writeString(key)
            if pretty { bytes.append(0x20) }
            bytes.append(UInt8(ascii: ":"))
            if pretty { bytes.append(0x20) }
            try write(value, depth: depth)
        }
        close(UInt8(ascii: "}"), depth: depth)
    }

    /// The last few key lists met and their order: the objects of one type
    /// mostly have the same keys, so most objects are sorted once a document.
    private var orders: [(keys: [String], order: [Int])] = []

    private mutating func order(of object: JSONObject) -> [Int] {
        let entries = object.entries
        let known = orders.first { known in
            known.keys.count == entries.count && known.keys.elementsEqual(entries.lazy.map(\.key))
        }
        if let known { return known.order }
        let keys = entries.map(\.key)
        let order = Self.sortedEntries(keys)
        if orders.count == 8 { orders.removeFirst() }
        orders.append((keys, order))
        return order
    }

    /// The positions of the entries to write, in key order; of a key given
    /// more than once, only its last.
    static func sortedEntries(_ keys: [String]) -> [Int] {
        let order = keys.indices.sorted { a, b in
            keys[a] == keys[b] ? a < b : keys[a].utf8.lexicographicallyPrecedes(keys[b].utf8)
        }
        var kept: [Int] = []
        kept.reserveCapacity(order.count)
        for position in order {
            if let last = kept.last, keys[last] == keys[position] { kept.removeLast() }
            kept.append(position)
        }
        return kept
    }

    private mutating func separate() {
        bytes.append(UInt8(ascii: ","))
        if pretty { bytes.append(0x0A) }
    }

    private mutating func close(_ bracket: UInt8, depth: Int) {
        if pretty {
            bytes.append(0x0A)
            indent(depth - 1)
        }
        bytes.append(bracket)
    }

    private mutating func indent(_ depth: Int) {
        guard pretty, depth > 0 else { return }
        bytes.append(contentsOf: repeatElement(0x20, count: 2 * depth))
    }

    private func checkDepth(_ depth: Int) throws {
        guard depth < Self.maximumDepth else {
            throw EncodingError.invalidValue(depth, EncodingError.Context(codingPath: [], debugDescription: "JSON nested deeper than \(Self.maximumDepth) levels"))
        }
    }

    /// A string in quotes: `"` and `\` escaped, control characters as
    /// `\b \f \n \r \t` or `\u00xx`, everything else as its UTF-8.
    private mutating func writeString(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        var copy = text
        copy.withUTF8 { utf8 in
            var start = 0
            for (index, byte) in utf8.enumerated() {
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\"), let escape = Self.escape(byte) else { continue }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index]))
                bytes.append(contentsOf: escape)
                start = index + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private static func escape(_ byte: UInt8) -> [UInt8]? {
        switch byte {
        case UInt8(ascii: "\""): return [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
        case UInt8(ascii: "\\"): return [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
        case 0x08: return Array("\\b".utf8)
        case 0x0C: return Array("\\f".utf8)
        case 0x0A: return Array("\\n".utf8)
        case 0x0D: return Array("\\r".utf8)
        case 0x09: return Array("\\t".utf8)
        case 0x00..<0x20:
            let hex = Array("0123456789abcdef".utf8)
            return Array("\\u00".utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
        default: return nil
        }
    }
}
