/// Text made safe for an XML 1.0 document (the JUnit report). Written by
/// hand because `altbuild` links no XML library: libxml2 lives only in the
/// worker, so that a hostile deck can never reach the parent.
public enum XMLText {
    /// Character data: the five special characters as entities, and a
    /// carriage return as a reference (a parser would turn a bare one into
    /// a line feed). Characters XML 1.0 forbids are dropped: no escape can
    /// carry them, and one of them would make the whole file unreadable.
    public static func text(_ s: String) -> String {
        escape(s) { scalar in scalar == "\r" ? "&#13;" : nil }
    }

    /// An attribute value in double quotes: as `text`, and tabs and line
    /// breaks as references, since a parser turns bare ones into spaces.
    public static func attribute(_ s: String) -> String {
        escape(s) { scalar in
            switch scalar {
            case "\t": return "&#9;"
            case "\n": return "&#10;"
            case "\r": return "&#13;"
            default: return nil
            }
        }
    }

    /// Whether XML 1.0 allows `scalar` in a document at all (its `Char` production).
    public static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }

    private static func escape(_ s: String, whitespace: (Unicode.Scalar) -> String?) -> String {
        s.replacingScalars { scalar in
            guard isAllowed(scalar) else { return "" }
            switch scalar {
            case "&": return "&amp;"
            case "<": return "&lt;"
            case ">": return "&gt;"
            case "\"": return "&quot;"
            case "'": return "&apos;"
            default: return whitespace(scalar)
            }
        }
    }
}
