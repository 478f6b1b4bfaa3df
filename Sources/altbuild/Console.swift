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
        var text = line + "\n"
        text.withUTF8 { buffer in
            var done = 0
            while done < buffer.count, let base = buffer.baseAddress {
                let n = write(STDERR_FILENO, base + done, buffer.count - done)
                if n <= 0 { break }
                done += n
            }
        }
    }
}
