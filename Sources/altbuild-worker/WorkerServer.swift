import AltbuildCore
import AltbuildSupport
import DeckParsing
#if canImport(Glibc)
import Glibc
#endif

/// `altbuild-worker serve [--memory-limit BYTES]`: a long-lived worker of a
/// build's pool. It reads one framed JSON `WorkerRequest` at a time from
/// stdin and writes one framed reply to stdout (the exit status a one-shot
/// worker would end with, one byte, then the same JSON), until stdin ends.
///
/// The memory limit is set once, before any request is read, and holds for
/// the worker's life. Nothing is kept from one request to the next: each
/// reads its deck afresh, and memory freed is handed back to the system
/// before the next, so a deck starts with what a fresh worker has.
enum WorkerServer {
    static func run(_ arguments: [String]) -> Never {
        let channel = RequestChannel.claim()
        var startupFailure: (status: Int32, answer: [UInt8])?
        if let limit = CommandLineOptions(arguments: arguments).number("--memory-limit"), limit > 0 {
            // A worker that cannot limit itself answers every request with why, as a one-shot worker would.
            do { try AddressSpaceLimit.apply(bytes: limit) } catch { startupFailure = DeckWorker.failure(error) }
        }
        while let payload = channel.nextRequest() {
            // The pool's handshake: an empty request, answered at once with an empty reply.
            guard !payload.isEmpty else {
                channel.send([])
                continue
            }
            let (status, answer) = startupFailure ?? answer(payload)
            channel.send(WorkerMessages.reply(status: status, answer: answer))
        }
        exit(0)
    }

    private static func answer(_ payload: [UInt8]) -> (status: Int32, answer: [UInt8]) {
        do {
            return DeckWorker.answer(try WorkerMessages.decodeRequest(payload))
        } catch {
            return DeckWorker.failure(error)
        }
    }
}
