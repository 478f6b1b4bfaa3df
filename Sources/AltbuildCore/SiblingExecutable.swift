import AltbuildSupport
#if canImport(Glibc)
import Glibc
#endif

/// altbuild's helper executables (`altbuild-worker`, `altbuild-review`) are
/// installed next to `altbuild`, and found there rather than on `PATH`, so
/// one installation never runs another's helpers. An environment variable
/// may name another copy (tests, packagers).
public enum SiblingExecutable {
    /// `$override` when set, else `name` in this executable's folder, else
    /// `name` alone (found on `PATH`) when this executable cannot be located.
    public static func path(_ name: String, override variable: String) -> String {
        if let override = getenv(variable).map({ String(cString: $0) }), !override.isEmpty { return override }
        var buffer = [CChar](repeating: 0, count: 4096)
        let n = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard n > 0 else { return name }
        let me = String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return FileIO.parentDirectory(of: me) + "/" + name
    }
}
