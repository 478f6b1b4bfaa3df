import AltbuildSupport

/// A setting's value, whichever way it was given: a TOML value in
/// `altbuild.toml`, a flag's text, or the default.
public enum SettingValue: Sendable, Equatable, CustomStringConvertible {
    case string(String)
    case int(Int)
    case double(Double)
    case bool(Bool)
    case strings([String])

    /// As `altbuild config` prints it and `altbuild init` writes it: TOML.
    public var description: String {
        switch self {
        case .string(let text): return Self.quoted(text)
        case .int(let number): return String(number)
        case .double(let number): return number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) + ".0" : String(number)
        case .bool(let flag): return String(flag)
        case .strings(let texts): return "[" + texts.map(Self.quoted).joined(separator: ", ") + "]"
        }
    }

    /// A TOML basic string.
    static func quoted(_ text: String) -> String {
        "\"" + text.replacingScalars { scalar in
            switch scalar {
            case "\"": return "\\\""
            case "\\": return "\\\\"
            case "\n": return "\\n"
            case "\t": return "\\t"
            case "\r": return "\\r"
            default:
                guard scalar.value < 0x20 || scalar.value == 0x7F else { return nil }
                let hex = String(scalar.value, radix: 16, uppercase: true)
                return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            }
        } + "\""
    }
}
