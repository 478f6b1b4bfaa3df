public import AltbuildSupport
import ProcessSupport
#if canImport(Glibc)
import Glibc
#endif

/// Optical character recognition with Tesseract (Debian's `tesseract-ocr`),
/// when it is installed: the builtin describer then reads the words in
/// screenshots and slides-within-slides instead of only their context.
public struct TextRecognizer: Sendable {
    public let executable: String
    public let timeout: Double

    public init(executable: String, timeout: Double = 30) {
        self.executable = executable
        self.timeout = timeout
    }

    /// Tesseract from `PATH`, or nil if it is not installed.
    public static func detect() -> TextRecognizer? {
        guard let path = getenv("PATH").map({ String(cString: $0) }) else { return nil }
        for directory in path.split(separator: ":") {
            let candidate = String(directory) + "/tesseract"
            if access(candidate, X_OK) == 0 { return TextRecognizer(executable: candidate) }
        }
        return nil
    }

    /// The text in the image, whitespace collapsed; empty when there is none
    /// or Tesseract fails (OCR only ever adds to a description).
    public func text(in image: [UInt8], cancel: CancelFlag) async -> String {
        let spec = ChildSpec(executable: executable, arguments: ["-", "-", "--psm", "3"], stdin: image,
                             stdoutLimit: 64 << 10, stderrTailLimit: 1024, timeout: timeout, killGrace: 1)
        guard let result = try? await ChildProcess.runAsync(spec, cancel: cancel), result.termination == Termination.exited(0) else { return "" }
        return Self.plausibleText(String(decoding: result.stdout, as: UTF8.self))
    }

    /// OCR output without its usual noise: stray single characters (edges
    /// read as letters) are dropped, and text with fewer than two real words
    /// counts as none.
    static func plausibleText(_ raw: String) -> String {
        let tokens = raw.split(whereSeparator: \.isWhitespace).filter { token in
            token.count > 1 || token.allSatisfy(\.isNumber) || token == "&"
        }
        let words = tokens.filter { $0.filter(\.isLetter).count >= 3 }
        return words.count >= 2 ? tokens.joined(separator: " ") : ""
    }
}
