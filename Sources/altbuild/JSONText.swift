import AltbuildSupport

/// JSON lines for command output and the build log, laid out by hand (an
/// object per line, fields in a fixed order) around strings the JSON encoder
/// escapes.
enum JSONText {
    /// One JSON string, escaped by the one JSON encoder altbuild uses.
    static func string(_ s: String) -> String {
        // A Swift string always encodes to JSON.
        (try? CanonicalJSON.text(s)) ?? "\"\""
    }

    static func object(_ fields: [(String, String)]) -> String {
        "{" + fields.map { string($0.0) + ": " + $0.1 }.joined(separator: ", ") + "}"
    }

    static func array(_ items: [String]) -> String {
        "[" + items.joined(separator: ", ") + "]"
    }
}
