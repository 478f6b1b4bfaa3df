/// An Excel number format code, applied the way the chart shows its values:
/// `0%` writes 0.062 as "6%", `$#,##0` writes 1234.5 as "$1,235". A listener
/// should hear what a sighted reader sees on the axis, not the stored fraction.
///
/// Only the first section of a code is used, and only plain number formats:
/// digits (`0 # ?`), one decimal point, thousands separators, percent, and
/// literal text (quoted, escaped, `[$€-2]` currency, `$ € £ ¥`). Anything
/// else (dates, scientific, scaling commas, text sections) is not understood,
/// and the value is written as a plain number instead of guessed at.
struct NumberFormat: Equatable {
    private(set) var prefix = ""
    private(set) var suffix = ""
    private(set) var minDecimals = 0
    private(set) var maxDecimals = 0
    private(set) var grouping = false
    private(set) var percent = false
    /// False when the code was nil, `General` or beyond this formatter.
    private(set) var understood = false

    init(_ code: String?) {
        guard let code, code.count <= 200 else { return }
        understood = parse(Array(code))
    }

    /// `value` in this format, or as `TextStyle.number` when the format is not
    /// understood. The marks are the reader's language's (German writes
    /// 1.234,5): a format code's `.` and `,` only say where they go.
    func string(_ value: Double, decimalMark: String = ".", groupMark: String = ",") -> String {
        guard understood, value.isFinite else {
            return TextStyle.number(value).split(separator: ".", omittingEmptySubsequences: false).joined(separator: decimalMark)
        }
        let shown = percent ? value * 100 : value
        var scale = 1.0
        for _ in 0..<maxDecimals { scale *= 10 }
        let scaled = (abs(shown) * scale).rounded()
        guard scaled < 1e15 else { return TextStyle.number(value) }
        let units = Int64(scaled)
        let divisor = Int64(scale)
        var digits = String(units / divisor)
        if grouping { digits = Self.grouped(digits, mark: groupMark) }
        if maxDecimals > 0 {
            var fraction = String(units % divisor)
            fraction = String(repeating: "0", count: maxDecimals - fraction.count) + fraction
            while fraction.count > minDecimals, fraction.last == "0" { fraction.removeLast() }
            if !fraction.isEmpty { digits += decimalMark + fraction }
        }
        return (shown < 0 && units != 0 ? "-" : "") + prefix + digits + suffix
    }

    /// "1234567" → "1,234,567".
    private static func grouped(_ digits: String, mark: String) -> String {
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out += mark }
            out.append(digit)
        }
        return out
    }

    /// Reads the first section; false when it holds anything not understood.
    private mutating func parse(_ code: [Character]) -> Bool {
        var index = 0
        var sawDigit = false
        var inFraction = false
        var literal = ""
        func emit(_ text: String) {
            if sawDigit { suffix += text } else { prefix += text }
        }
        while index < code.count {
            let char = code[index]
            index += 1
            switch char {
            case ";":
                index = code.count
            case "\"":
                literal = ""
                while index < code.count, code[index] != "\"" { literal.append(code[index]); index += 1 }
                index += 1
                emit(literal)
            case "\\":
                if index < code.count { emit(String(code[index])); index += 1 }
            case "_", "*":
                index += 1 // padding and fill characters: no text of their own
            case "[":
                var bracket = ""
                while index < code.count, code[index] != "]" { bracket.append(code[index]); index += 1 }
                index += 1
                if bracket.hasPrefix("$") { emit(String(bracket.dropFirst().prefix { $0 != "-" })) }
            case "0", "#", "?":
                // Digits after text that followed digits: fractions (`# ?/?`) and the like.
                if sawDigit && !suffix.isEmpty { return false }
                sawDigit = true
                if inFraction {
                    maxDecimals += 1
                    if char != "#" { minDecimals = maxDecimals }
                }
            case ",":
                guard sawDigit, index < code.count, "0#?".contains(code[index]), !inFraction else { return false }
                grouping = true
            case ".":
                guard !inFraction else { return false }
                inFraction = true
            case "%":
                percent = true
                emit("%")
            case "$", "€", "£", "¥", "-", "+", "(", ")", ":", " ", "/":
                emit(String(char))
            default:
                return false
            }
        }
        return sawDigit && maxDecimals <= 10
    }
}
