/// Sizes in settings and flags: `0`, `512M`, `4G`, `2GB`, `100K`.
public enum SizeText {
    public static func bytes(_ text: String) -> Int64? {
        let units: [Character: Int64] = ["K": 1 << 10, "M": 1 << 20, "G": 1 << 30, "T": 1 << 40]
        var t = text.uppercased()
        if t.hasSuffix("B") { t.removeLast() }
        if let last = t.last, let unit = units[last] { return Int64(t.dropLast()).flatMap { $0 >= 0 ? $0 * unit : nil } }
        return Int64(t).flatMap { $0 >= 0 ? $0 : nil }
    }
}
