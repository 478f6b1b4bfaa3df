
/// A problem in `altbuild.toml` or with a flag's value: it names the file
/// and line (or the flag), the key, the bad value and what is valid. Every
/// one exits 2.
public struct ConfigError: Error, Sendable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }

    static func at(_ file: String, _ line: Int?, _ text: String) -> ConfigError {
        ConfigError("\(file)\(line.map { ":\($0)" } ?? ""): \(text)")
    }
}
