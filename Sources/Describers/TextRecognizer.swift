public import AltbuildSupport
public import DeckModel
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
    /// Shared with the rest of the build, so OCR processes count against `--concurrency`.
    public let limiter: DescriberLimiter

    public init(executable: String, timeout: Double = 30,
                limiter: DescriberLimiter = DescriberLimiter(limit: DescriberLimiter.defaultLocalLimit)) {
        self.executable = executable
        self.timeout = timeout
        self.limiter = limiter
    }

    /// Tesseract from `PATH`, or nil if it is not installed.
    public static func detect(limiter: DescriberLimiter = DescriberLimiter(limit: DescriberLimiter.defaultLocalLimit)) -> TextRecognizer? {
        guard let path = getenv("PATH").map({ String(cString: $0) }) else { return nil }
        for directory in path.split(separator: ":") {
            let candidate = String(directory) + "/tesseract"
            if access(candidate, X_OK) == 0 { return TextRecognizer(executable: candidate, limiter: limiter) }
        }
        return nil
    }

    /// What Tesseract reads in the image (TSV, so each word comes with its
    /// confidence and the page with its pixel size); empty when there is
    /// nothing or Tesseract fails (OCR only ever adds to a description).
    /// Only pictures whose declared size the worker checked against the
    /// pixel budget are read: Tesseract decodes them in full.
    public func read(_ image: SlotImage, cancel: CancelFlag) async -> RecognizedText {
        guard image.format.hasCheckedDimensions else { return .empty }
        let spec = ChildSpec(executable: executable, arguments: ["-", "-", "--psm", "3", "tsv"], stdin: image.bytes,
                             stdoutLimit: 256 << 10, stderrTailLimit: 1024, timeout: timeout, killGrace: 1)
        let result: ChildResult
        do {
            result = try await limiter.withPermit { try await ChildProcess.runAsync(spec, cancel: cancel) }
        } catch {
            return .empty  // OCR only ever adds to a description; a failure to start it leaves the context text.
        }
        guard result.termination == Termination.exited(0) else { return .empty }
        return RecognizedText(tsv: String(decoding: result.stdout, as: UTF8.self))
    }

    /// OCR output without its usual noise: stray single characters (edges
    /// read as letters) and tokens holding marks printed text rarely has
    /// (`\`, `|`, `~`, `^`, `{`, `}`, `<`, `>`) are dropped, and text with
    /// fewer than two real words counts as none.
    static func plausibleText(_ raw: String) -> String {
        let tokens = raw.split(whereSeparator: \.isWhitespace).filter { token in
            (token.count > 1 || token.allSatisfy(\.isNumber) || token == "&") && !token.contains(where: { "\\|~^{}<>".contains($0) })
        }
        let words = tokens.filter { $0.filter(\.isLetter).count >= 3 }
        return words.count >= 2 ? tokens.joined(separator: " ") : ""
    }
}
