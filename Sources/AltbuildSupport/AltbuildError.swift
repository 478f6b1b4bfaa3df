/// The one error type altbuild's layers throw: a stable code, a message for
/// people, and the file it concerns.
///
/// Modelled on swift-nio's error structs: the code is for machines, the message
/// for people, and `description` always names the file so a line in a batch
/// log stands on its own.
public struct AltbuildError: Error, Sendable, CustomStringConvertible {
    public var code: ErrorCode
    public var message: String
    /// The file the error concerns, as the user named it.
    public var path: String?
    /// Facts for the build log: a worker's exit status, the tails of its
    /// output. Bounded by whoever adds them.
    public var details: [String: String]

    public init(_ code: ErrorCode, _ message: String, path: String? = nil, details: [String: String] = [:]) {
        self.code = code
        self.message = message
        self.path = path
        self.details = details
    }

    /// The same error, attributed to `path` unless it already names a file.
    public func at(_ path: String) -> AltbuildError {
        var copy = self
        if copy.path == nil { copy.path = path }
        return copy
    }

    public var description: String {
        if let path { return "\(path): \(code): \(message)" }
        return "\(code): \(message)"
    }
}
