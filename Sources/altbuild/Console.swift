import AltbuildSupport
#if canImport(Glibc)
import Glibc
#endif

/// Command output goes to stdout and diagnostics to stderr, each line (or
/// block of lines) in one `write` call. Where both streams go to one file,
/// as in CI logs, whole lines then never splice: buffered `print` flushed
/// stdout every 4 KiB, mid-line, between an error's lines.
enum Console {
    static func out(_ line: String) {
        FileIO.writeAll(STDOUT_FILENO, line + "\n")
    }

    static func error(_ line: String) {
        FileIO.writeAll(STDERR_FILENO, line + "\n")
    }
}
