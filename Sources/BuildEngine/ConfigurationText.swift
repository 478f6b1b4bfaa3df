#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Reads a canonical configuration back into its settings, for `explain`.
/// The engine treats the text as opaque everywhere else: it only hashes it
/// and compares it.
public enum ConfigurationText {
    /// The settings of a configuration written as a JSON object of strings;
    /// nil for anything else (a record from an older altbuild).
    public static func settings(_ text: String) -> [String: String]? {
        try? JSONDecoder().decode([String: String].self, from: Data(text.utf8))  // nil is the answer for other formats
    }
}
