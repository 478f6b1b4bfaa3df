public import OOXML
public import AltbuildSupport
public import AltbuildCore
#if canImport(Glibc)
import Glibc
#endif

/// The worker side of deck isolation: `altbuild-worker` runs these in a
/// child process, one request per process (`scan`, `inject`) or many in a
/// long-lived pool worker (`serve`), and sends the JSON they return. A
/// worker reads the deck itself and checks it has the digest the parent
/// hashed, so both sides always talk about the same bytes. Nothing here
/// outlives a request: each reads its deck afresh and keeps nothing.
public enum DeckWorker {
    /// The answer to one request, with the exit status a one-shot worker
    /// ends with: 0 and the step's JSON, or `errorExitStatus` and the error's.
    public static func answer(_ request: WorkerRequest) -> (status: Int32, answer: [UInt8]) {
        do {
            switch request.step {
            case .scan:
                return (0, try scan(deck: request.deck, expect: request.expect.flatMap(SHA256Digest.init(hex:)),
                                    mediaDirectory: request.mediaDirectory, preparation: request.preparation, limits: request.limits))
            case .inject:
                guard let edits = request.edits, let output = request.output else {
                    throw AltbuildError(.internalError, "inject needs --edits and --output")
                }
                return (0, try inject(deck: request.deck, expect: request.expect.flatMap(SHA256Digest.init(hex:)),
                                      hashed: request.hashedStatus, edits: edits, output: output, limits: request.limits))
            }
        } catch {
            return failure(error)
        }
    }

    /// An error as the worker reports it; anything not an `AltbuildError` is a bug.
    public static func failure(_ error: any Error) -> (status: Int32, answer: [UInt8]) {
        let reported = error as? AltbuildError ?? AltbuildError(.internalError, "\(error)")
        return (WorkerMessages.errorExitStatus, WorkerMessages.errorJSON(reported))
    }

    public static func scan(deck path: String, expect: SHA256Digest?, mediaDirectory: String?,
                            preparation: ImagePreparation, limits: ReadLimits) throws -> [UInt8] {
        try injectFault(path)
        let deck = try open(path, expect: expect, limits: limits)
        let inventory = try deck.inventory()
        let pictures = DeckPictures(deck: deck, inventory: inventory, preparation: preparation)
        var images: [String: ImageFacts] = [:]
        var written: [String: ImageFormat] = [:]
        if let mediaDirectory {
            for (digest, prepared) in try pictures.preparedAll() {
                images[digest.hex] = prepared.facts
                guard let image = prepared.image else { continue }
                try FileIO.writeAtomically(image.bytes, to: mediaDirectory + "/" + digest.hex, durable: false)
                written[digest.hex] = image.format
            }
        } else {
            for (digest, facts) in try pictures.facts() { images[digest.hex] = facts }
        }
        // The inventory is of the bytes hashed only if the file did not change while it was read.
        try deck.checkUnchanged()
        return try WorkerMessages.encode(WorkerMessages.ScanResult(inventory: inventory, images: images, media: written,
                                                                   status: deck.fileStatus))
    }

    public static func inject(deck path: String, expect: SHA256Digest?, hashed: FileStatus? = nil, edits: DeckEdits,
                              output: String, limits: ReadLimits) throws -> [UInt8] {
        try injectFault(path)
        let deck = try open(path, expect: expect, limits: limits, hashed: hashed)
        let digest = try DeckInjector.inject(deck, edits: edits, limits: limits, to: output)
        return try WorkerMessages.encode(WorkerMessages.InjectResult(output: digest.hex))
    }

    /// The deck at `path`, read from its file, refused unless its bytes are
    /// the ones the build hashed. With `hashed`, the status a scan of this
    /// build saw when it hashed the file to `expect`, a file still in that
    /// status is taken to hold those bytes without hashing it again.
    public static func open(_ path: String, expect: SHA256Digest?, limits: ReadLimits, hashed: FileStatus? = nil) throws -> Deck {
        var known: (status: FileStatus, digest: SHA256Digest)?
        if let hashed, let expect { known = (hashed, expect) }
        let deck = try Deck(path: path, limits: limits, hashed: known)
        if let expect, deck.digest != expect {
            throw AltbuildError(.inputChanged, "the deck changed while it was being built; nothing was written or cached, so it will be built again next run", path: path)
        }
        return deck
    }

    /// Fault injection for the end-to-end tests of isolation, and for anyone
    /// checking how their setup copes: `ALTBUILD_WORKER_FAULT=crash:NAME`
    /// makes a worker handling a deck whose path contains NAME die of
    /// SIGSEGV, `hang:NAME` makes it hang. Never set in normal use.
    private static func injectFault(_ path: String) throws {
        guard let value = getenv("ALTBUILD_WORKER_FAULT").map({ String(cString: $0) }),
              let colon = value.firstIndex(of: ":") else { return }
        let kind = value[..<colon]
        let name = String(value[value.index(after: colon)...])
        guard !name.isEmpty, path.contains(name) else { return }
        if kind == "crash" {
            // As the kernel would on a bad pointer in a C library: no handler, the process dies of SIGSEGV.
            signal(SIGSEGV, SIG_DFL)
            raise(SIGSEGV)
        }
        if kind == "hang" { while true { sleep(60) } }
    }
}
