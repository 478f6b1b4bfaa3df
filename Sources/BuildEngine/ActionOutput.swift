public import AltbuildSupport
#if canImport(Glibc)
import Glibc
#endif

/// What an action's output is, without requiring it in memory: the engine
/// puts it in place by a rename, so a gigabyte deck never passes through
/// the parent as bytes.
public enum ActionOutput: Sendable, Equatable {
    /// The output is the input, unchanged (nothing to edit): copied to an
    /// output folder, and not written at all in place.
    case input
    /// A finished file the action wrote in its own scratch space, and its
    /// digest as the action checked it. The engine moves it into place, or
    /// removes it when the target fails after all.
    case file(path: String, digest: SHA256Digest)
    /// Bytes in memory, for small outputs and actions that make them so.
    case bytes([UInt8])

    /// The output's digest; `.input`'s is the input's.
    func digest(input: SHA256Digest) -> SHA256Digest {
        switch self {
        case .input: input
        case .file(_, let digest): digest
        case .bytes(let bytes): SHA256.hash(bytes)
        }
    }

    /// The output's bytes, for an action without a recipe, whose output the store keeps whole.
    func contents(inputPath: String) throws -> [UInt8] {
        switch self {
        case .input: try FileIO.read(inputPath)
        case .file(let path, _): try FileIO.read(path)
        case .bytes(let bytes): bytes
        }
    }

    /// Removes a file the engine did not use (the target failed, or in place the output is unchanged).
    func discard() {
        if case .file(let path, _) = self { unlink(path) }
    }
}
