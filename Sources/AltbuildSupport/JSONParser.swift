/// JSON text (RFC 8259, UTF-8) read into a `JSONNode` tree for
/// `JSONNodeDecoder`. Strict as Foundation's reader is: one value with
/// nothing but whitespace around it, no trailing commas, no comments,
/// numbers in JSON's grammar, strings of valid UTF-8 with JSON's escapes,
/// and no deeper nesting than Foundation allows. A number is kept as its
/// text, to be read as the type its decoder asks for.
struct JSONParser {
    struct Failure: Error, CustomStringConvertible {
        let offset: Int
        let reason: String
        var description: String { "not valid JSON at byte \(offset): \(reason)" }
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private var position = 0

    static func parse(_ text: [UInt8]) throws -> JSONNode {
        try text.withUnsafeBufferPointer { buffer in
            var parser = JSONParser(bytes: buffer)
            let node = try parser.value(depth: 0)
            parser.skipWhitespace()
            guard parser.position == buffer.count else { throw parser.failure("more text after the value") }
            return node
        }
    }

    private init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    private func failure(_ reason: String) -> Failure { Failure(offset: position, reason: reason) }

    private mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x09, 0x0A, 0x0D: position += 1
            default: return
            }
        }
    }

    private mutating func value(depth: Int) throws -> JSONNode {
        skipWhitespace()
        guard position < bytes.count else { throw failure("the text ends where a value should be") }
        switch bytes[position] {
        case UInt8(ascii: "{"): return .object(try object(depth: depth + 1))
        case UInt8(ascii: "["): return .array(try array(depth: depth + 1))
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): return try word("true")
        case UInt8(ascii: "f"): return try word("false")
        case UInt8(ascii: "n"): return try word("null")
        default: return .literal(try number())
        }
    }

    /// Members are gathered here and handed to the node once, whole.
    private mutating func object(depth: Int) throws -> JSONObject {
        try checkDepth(depth)
        position += 1
        var entries: [(key: String, value: JSONNode)] = []
        skipWhitespace()
        if peek(UInt8(ascii: "}")) {
            position += 1
            return JSONObject(entries)
        }
        while true {
            skipWhitespace()
            guard peek(UInt8(ascii: "\"")) else { throw failure("a key must be a string") }
            let key = try string()
            skipWhitespace()
            guard peek(UInt8(ascii: ":")) else { throw failure("a key must be followed by ':'") }
            position += 1
            entries.append((key, try value(depth: depth)))
            guard try endOfMember(closing: UInt8(ascii: "}")) else { continue }
            return JSONObject(entries)
        }
    }

    private mutating func array(depth: Int) throws -> JSONArray {
        try checkDepth(depth)
        position += 1
        var values: [JSONNode] = []
        skipWhitespace()
        if peek(UInt8(ascii: "]")) {
            position += 1
            return JSONArray(values)
        }
        while true {
            values.append(try value(depth: depth))
            guard try endOfMember(closing: UInt8(ascii: "]")) else { continue }
            return JSONArray(values)
        }
    }

    /// After a member: true at the closing bracket, false after a comma.
    /// One comma before the closing bracket is let pass, as Foundation does.
    private mutating func endOfMember(closing: UInt8) throws -> Bool {
        skipWhitespace()
        guard position < bytes.count else { throw failure("the text ends inside an object or array") }
        let byte = bytes[position]
        position += 1
        if byte == closing { return true }
        guard byte == UInt8(ascii: ",") else { throw failure("expected ',' or '\(Character(Unicode.Scalar(closing)))'") }
        skipWhitespace()
        guard peek(closing) else { return false }
        position += 1
        return true
    }

    /// Foundation reads one level deeper than it writes.
    static let maximumDepth = JSONText.maximumDepth

    private func checkDepth(_ depth: Int) throws {
        guard depth <= Self.maximumDepth else { throw failure("nested deeper than \(Self.maximumDepth) levels") }
    }

    private mutating func word(_ text: StaticString) throws -> JSONNode {
        let count = text.utf8CodeUnitCount
        guard position + count <= bytes.count,
              UnsafeBufferPointer(start: text.utf8Start, count: count).elementsEqual(bytes[position..<(position + count)]) else {
            throw failure("not a JSON value")
        }
        position += count
        return .literal(text.description)
    }

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`, as its text.
    private mutating func number() throws -> String {
        let start = position
        if peek(UInt8(ascii: "-")) { position += 1 }
        guard position < bytes.count, isDigit(bytes[position]) else { throw failure("not a JSON value") }
        if bytes[position] == UInt8(ascii: "0") { position += 1 } else { skipDigits() }
        if peek(UInt8(ascii: ".")) {
            position += 1
            guard position < bytes.count, isDigit(bytes[position]) else { throw failure("a fraction needs digits") }
            skipDigits()
        }
        if peek(UInt8(ascii: "e")) || peek(UInt8(ascii: "E")) {
            position += 1
            if peek(UInt8(ascii: "+")) || peek(UInt8(ascii: "-")) { position += 1 }
            guard position < bytes.count, isDigit(bytes[position]) else { throw failure("an exponent needs digits") }
            skipDigits()
        }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
    }

    private func peek(_ byte: UInt8) -> Bool { position < bytes.count && bytes[position] == byte }
    private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
    private mutating func skipDigits() { while position < bytes.count && isDigit(bytes[position]) { position += 1 } }

    /// A string from its opening quote to past its closing one.
    private mutating func string() throws -> String {
        position += 1
        let start = position
        // The common case: no escapes, read as one run, and often ASCII.
        var ascii = true
        while position < bytes.count, bytes[position] != UInt8(ascii: "\""), bytes[position] != UInt8(ascii: "\\") {
            guard bytes[position] >= 0x20 else { throw failure("a control character in a string") }
            ascii = ascii && bytes[position] < 0x80
            position += 1
        }
        if position < bytes.count && bytes[position] == UInt8(ascii: "\"") {
            let run = UnsafeBufferPointer(rebasing: bytes[start..<position])
            position += 1
            if ascii { return String(decoding: run, as: UTF8.self) }
            guard let text = String(validating: run, as: UTF8.self) else { throw failure("a string that is not UTF-8") }
            return text
        }
        var utf8 = Array(UnsafeBufferPointer(rebasing: bytes[start..<min(position, bytes.count)]))
        while true {
            guard position < bytes.count else { throw failure("the text ends inside a string") }
            let byte = bytes[position]
            position += 1
            if byte == UInt8(ascii: "\"") { break }
            if byte == UInt8(ascii: "\\") {
                try escape(into: &utf8)
            } else {
                guard byte >= 0x20 else { throw failure("a control character in a string") }
                utf8.append(byte)
            }
        }
        guard let text = String(validating: utf8, as: UTF8.self) else { throw failure("a string that is not UTF-8") }
        return text
    }

    private mutating func escape(into utf8: inout [UInt8]) throws {
        guard position < bytes.count else { throw failure("the text ends inside an escape") }
        let byte = bytes[position]
        position += 1
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): utf8.append(byte)
        case UInt8(ascii: "b"): utf8.append(0x08)
        case UInt8(ascii: "f"): utf8.append(0x0C)
        case UInt8(ascii: "n"): utf8.append(0x0A)
        case UInt8(ascii: "r"): utf8.append(0x0D)
        case UInt8(ascii: "t"): utf8.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = UInt32(try hex4())
            if (0xD800..<0xDC00).contains(scalar) {
                // A high surrogate must be followed by an escaped low one.
                guard position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u") else {
                    throw failure("a lone surrogate")
                }
                position += 2
                let low = UInt32(try hex4())
                guard (0xDC00..<0xE000).contains(low) else { throw failure("a lone surrogate") }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            }
            guard let unicode = Unicode.Scalar(scalar) else { throw failure("a lone surrogate") }
            utf8.append(contentsOf: String(Character(unicode)).utf8)
        default:
            throw failure("an unknown escape")
        }
    }

    private mutating func hex4() throws -> UInt16 {
        guard position + 4 <= bytes.count else { throw failure("the text ends inside an escape") }
        var value: UInt16 = 0
        for byte in bytes[position..<(position + 4)] {
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw failure("\\u needs four hex digits")
            }
            value = value << 4 | UInt16(digit)
        }
        position += 4
        return value
    }
}
