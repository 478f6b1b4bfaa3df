import ArgumentParser
import AltbuildCore
import AltbuildSupport
import FlyingFox
import Foundation

/// `altbuild-review`: the review page, a web server on 127.0.0.1 over the
/// review files it is given. `altbuild review serve` finds the decks and
/// execs it; scripts and tests may run it directly.
@main
struct AltbuildReview: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "altbuild-review",
        abstract: "Serve a page on 127.0.0.1 for reviewing the decks' ALT text.")

    @Option(help: "The port to listen on (0: any free port).")
    var port: UInt16 = 8750

    @Option(help: "The altbuild-worker executable that scans the decks.")
    var worker: String = WorkerDeckProcessor.workerExecutable()

    @Option(name: .customLong("deck"), help: "A deck and its review file, DECK=REVIEWFILE (repeatable).")
    var decks: [DeckArgument] = []

    func validate() throws {
        if decks.isEmpty { throw ValidationError("Give at least one --deck DECK=REVIEWFILE.") }
    }

    func run() async throws {
        // One at a time: a deck's scan is a worker process of its own.
        let scanner = DeckScanner(worker: worker)
        var reviewed: [ReviewedDeck] = []
        for deck in decks {
            let scanned = await scanner.scan(deck)
            if let error = scanned.scanError { FileIO.writeAll(2, "altbuild-review: warning: \(error)\n") }
            reviewed.append(scanned)
        }
        let service = ReviewService(decks: reviewed)
        let address = try sockaddr_in.inet(ip4: "127.0.0.1", port: port)
        let server = HTTPServer(address: address, timeout: 30, logger: StderrLogger())
        let running = Task { try await server.run() }
        try await server.waitUntilListening()
        guard case .ip4(_, let listening) = await server.listeningAddress else {
            throw AltbuildError(.io, "the server is not listening on 127.0.0.1")
        }
        let router = ReviewRouter(service: service, requestGuard: RequestGuard(port: listening))
        // Routed only now that the guard knows the port; nobody has the address before the line below.
        await server.appendRoute("*", to: ClosureHTTPHandler { request in await router.respond(request) })
        // Written straight to the descriptor, so it is out before anyone waits for it.
        FileIO.writeAll(1, "review page: http://127.0.0.1:\(listening)/\n")
        try await running.value
    }
}
