/// Durations in settings: `90`, `30s`, `1.5s`, `200ms`, `10m`, `2h`, `1d`.
public enum DurationText {
    public static func seconds(_ text: String) -> Double? {
        if text.hasSuffix("ms") { return Double(text.dropLast(2)).flatMap { $0 >= 0 ? $0 / 1000 : nil } }
        let units: [Character: Double] = ["s": 1, "m": 60, "h": 3600, "d": 86400]
        guard let last = text.last else { return nil }
        if let unit = units[last] { return Double(text.dropLast()).flatMap { $0 >= 0 ? $0 * unit : nil } }
        return Double(text).flatMap { $0 >= 0 ? $0 : nil }
    }
}
