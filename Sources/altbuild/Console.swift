import AltbuildSupport
#if canImport(Glibc)
import Glibc
#endif

/// Command output goes to stdout and diagnostics to stderr, each a whole line
/// at a time so interleaved output stays readable.
enum Console {
    static func out(_ line: String) {
        print(line)
    }

    static func error(_ line: String) {
        FileIO.writeAll(STDERR_FILENO, line + "\n")
    }
}
