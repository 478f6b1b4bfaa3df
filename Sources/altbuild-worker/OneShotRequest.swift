import AltbuildCore
import AltbuildSupport
import DeckModel
import DeckParsing

/// `altbuild-worker scan|inject`: one request from the command line, in
/// the form `WorkerRequest.arguments` writes it, answered by the code that
/// answers a pool worker's requests.
enum OneShotRequest {
    static func answer(_ arguments: [String]) -> (status: Int32, answer: [UInt8]) {
        let options = CommandLineOptions(arguments: arguments)
        do {
            if let limit = options.number("--memory-limit"), limit > 0 { try AddressSpaceLimit.apply(bytes: limit) }
            return DeckWorker.answer(try request(arguments.first ?? "", options))
        } catch {
            return DeckWorker.failure(error)
        }
    }

    private static func request(_ mode: String, _ options: CommandLineOptions) throws -> WorkerRequest {
        guard let deck = options.value("--deck") else {
            throw AltbuildError(.internalError, "usage: altbuild-worker scan|inject --deck PATH [--expect SHA256] [--memory-limit BYTES] [--limits JSON] [--media-dir DIR --max-pixels N --image-side N] [--edits FILE --output FILE]; altbuild-worker serve [--memory-limit BYTES]")
        }
        guard let step = WorkerRequest.Step(rawValue: mode) else {
            throw AltbuildError(.internalError, "unknown mode '\(mode)': use scan, inject or serve")
        }
        // The parent always sends the build's limits; the defaults serve a worker run by hand.
        let limits = try options.value("--limits").map(WorkerMessages.decodeLimits) ?? .default
        let edits = try options.value("--edits").map { try CanonicalJSON.decode(DeckEdits.self, from: try FileIO.read($0)) }
        return WorkerRequest(step: step, deck: deck, expect: options.value("--expect"), limits: limits,
                             maxPixels: options.number("--max-pixels") ?? ImagePreparation.defaultMaxPixels,
                             imageSide: options.number("--image-side") ?? 0, mediaDirectory: options.value("--media-dir"),
                             edits: edits, output: options.value("--output"))
    }
}
