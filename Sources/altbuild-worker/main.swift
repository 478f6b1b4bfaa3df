import AltbuildCore
import AltbuildSupport
import DeckModel
import DeckParsing
#if canImport(Glibc)
import Glibc
#endif

// `altbuild-worker scan|inject --deck PATH [--expect SHA256] ...`: parses or
// rewrites one deck and prints the answer as JSON (`WorkerMessages`). Run by
// `altbuild`, one process per step, so that a crash or hang in libxml2 or
// libzip costs one deck. The arguments are read by hand: a worker starts for
// every deck, and it has no user to help.

func option(_ name: String, in arguments: [String]) -> String? {
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
    return arguments[index + 1]
}

func number(_ name: String, in arguments: [String]) -> Int? {
    option(name, in: arguments).flatMap { Int($0) }
}

let arguments = Array(CommandLine.arguments.dropFirst())
let mode = arguments.first ?? ""
let expected = option("--expect", in: arguments).flatMap(SHA256Digest.init(hex:))
let preparation = ImagePreparation(maxPixels: number("--max-pixels", in: arguments) ?? ImagePreparation.defaultMaxPixels,
                                   longestSide: number("--image-side", in: arguments) ?? 0)
let memoryLimit = number("--memory-limit", in: arguments) ?? 0
var answer: [UInt8] = []
var status: Int32 = 0
do {
    if memoryLimit > 0 { try AddressSpaceLimit.apply(bytes: memoryLimit) }
    guard let deck = option("--deck", in: arguments) else {
        throw AltbuildError(.internalError, "usage: altbuild-worker scan|inject --deck PATH [--expect SHA256] [--memory-limit BYTES] [--limits JSON] [--media-dir DIR --max-pixels N --image-side N] [--edits FILE --output FILE]")
    }
    // The parent always sends the build's limits; the defaults serve a worker run by hand.
    let limits = try option("--limits", in: arguments).map(WorkerMessages.decodeLimits) ?? .default
    switch mode {
    case "scan":
        answer = try DeckWorker.scan(deck: deck, expect: expected, mediaDirectory: option("--media-dir", in: arguments),
                                     preparation: preparation, limits: limits)
    case "inject":
        guard let edits = option("--edits", in: arguments), let output = option("--output", in: arguments) else {
            throw AltbuildError(.internalError, "inject needs --edits and --output")
        }
        answer = try DeckWorker.inject(deck: deck, expect: expected, edits: edits, output: output, limits: limits)
    default:
        throw AltbuildError(.internalError, "unknown mode '\(mode)': use scan or inject")
    }
} catch let error as AltbuildError {
    answer = WorkerMessages.errorJSON(error)
    status = WorkerMessages.errorExitStatus
} catch {
    answer = WorkerMessages.errorJSON(AltbuildError(.internalError, "\(error)"))
    status = WorkerMessages.errorExitStatus
}
FileIO.writeAll(STDOUT_FILENO, String(decoding: answer, as: UTF8.self))
exit(status)
