import ArgumentParser
import AltbuildCore
import AltbuildSupport
import OOXML
#if canImport(Glibc)
import Glibc
#endif

/// `altbuild __worker scan|inject`: the isolated half of a deck's build, run
/// by `altbuild build` in a child process. Not for people.
struct WorkerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "__worker", abstract: "Internal: parse or rewrite one deck in an isolated process.",
        shouldDisplay: false)

    enum Mode: String, ExpressibleByArgument { case scan, inject }

    @Argument var mode: Mode
    @Option var deck: String
    @Option var expect: String?
    @Option(name: .customLong("media-dir")) var mediaDir: String?
    @Option var edits: String?
    @Option var output: String?

    func run() throws {
        let expected = expect.flatMap(SHA256Digest.init(hex:))
        do {
            let answer: [UInt8]
            switch mode {
            case .scan:
                answer = try DeckWorker.scan(deck: deck, expect: expected, mediaDirectory: mediaDir, limits: .default)
            case .inject:
                guard let edits, let output else { throw ValidationError("inject needs --edits and --output") }
                answer = try DeckWorker.inject(deck: deck, expect: expected, edits: edits, output: output, limits: .default)
            }
            writeAll(answer)
        } catch let error as AltbuildError {
            writeAll(DeckWorker.errorJSON(error))
            throw ExitCode(DeckWorker.errorExitStatus)
        }
    }

    private func writeAll(_ bytes: [UInt8]) {
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeBytes { raw -> Int in
                guard let base = raw.baseAddress else { return 0 }
                return write(STDOUT_FILENO, base + done, raw.count - done)
            }
            if n <= 0 { break }
            done += n
        }
    }
}
