/// What values a setting takes, and how its text (from a flag) or TOML
/// value (from the file) becomes one. Both go through `accept`, so a bad
/// value gets the same words wherever it came from.
public enum SettingKind: Sendable, Equatable {
    case string
    /// A whole number no smaller than `min`.
    case int(min: Int)
    /// A number in `range`.
    case double(ClosedRange<Double>)
    case bool
    /// One of `choices`.
    case choice([String])
    /// A duration: `90`, `30s`, `10m`, `1h`, `1d`.
    case duration
    /// A size: `512M`, `4G`, or `0` for none; a size other than 0 must be at least `minimum` bytes.
    case size(minimum: Int64)
    /// A list of strings, each one of `choices` when given.
    case strings(choices: [String]?)

    /// What a valid value looks like, for error messages.
    public var expectation: String {
        switch self {
        case .string: return "a string"
        case .int(let min): return "a whole number of at least \(min)"
        case .double(let range): return "a number from \(Self.number(range.lowerBound)) to \(Self.number(range.upperBound))"
        case .bool: return "true or false"
        case .choice(let choices): return "one of " + choices.joined(separator: ", ")
        case .duration: return "a duration like 90, 30s, 10m or 1h"
        case .size(let minimum): return "a size like 512M or 4G (at least \(minimum >> 20)M), or 0 for none"
        case .strings(let choices): return choices.map { "a list of: " + $0.joined(separator: ", ") } ?? "a list of strings"
        }
    }

    /// The value of a flag's text, or nil if it is not one.
    public func accept(text: String) -> SettingValue? {
        switch self {
        case .string: return .string(text)
        case .int: return Int(text).flatMap { accept(.int($0)) }
        case .double: return Double(text).flatMap { accept(.double($0)) }
        case .bool: return ["true": true, "false": false][text].map(SettingValue.bool)
        case .choice, .duration, .size: return accept(.string(text))
        case .strings: return accept(.strings(text.split(separator: ",").map { String($0) }))
        }
    }

    /// `value` if it is valid for this kind (an integer is a valid number).
    public func accept(_ value: SettingValue) -> SettingValue? {
        switch (self, value) {
        case (.string, .string): return value
        case (.int(let min), .int(let number)): return number >= min ? value : nil
        case (.double(let range), .double(let number)): return range.contains(number) ? value : nil
        case (.double, .int(let number)): return accept(.double(Double(number)))
        case (.bool, .bool): return value
        case (.choice(let choices), .string(let text)): return choices.contains(text) ? value : nil
        case (.duration, .string(let text)): return DurationText.seconds(text) == nil ? nil : value
        case (.duration, .int(let number)): return number >= 0 ? .string(String(number)) : nil
        case (.size(let minimum), .string(let text)):
            guard let bytes = SizeText.bytes(text), bytes == 0 || bytes >= minimum else { return nil }
            return value
        case (.size, .int(let number)): return accept(.string(String(number)))
        case (.strings(let choices), .strings(let texts)):
            guard let choices else { return value }
            return texts.allSatisfy(choices.contains) ? value : nil
        default: return nil
        }
    }

    private static func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
