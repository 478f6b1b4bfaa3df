public import AltbuildSupport
public import DeckModel
public import ProcessSupport
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif

/// Parses and rewrites each deck in a child process, `altbuild-worker`: a
/// long-lived worker of the build's `WorkerPool`, or, without a pool, a
/// process per step (`inspect`, the review page). Either way it runs in its
/// own process group with a clean signal state, its output read with a
/// bound, and a crash becomes `E_WORKER_CRASHED` with the signal and the
/// tails of the worker's output; the build goes on.
public struct WorkerDeckProcessor: DeckProcessor {
    /// This executable.
    public let executable: String
    /// The build's temp folder (`.altbuild/tmp/<build-id>`).
    public let temporaryDirectory: String
    /// Extract pictures for describers that need their bytes.
    public let extractMedia: Bool
    /// The pixel budget and the size pictures are scaled to, in the worker.
    public let preparation: ImagePreparation
    /// Each worker's address-space limit in bytes (0: none).
    public let memoryLimit: Int
    /// What the worker refuses to read (entries, sizes, compression ratio).
    public let limits: ReadLimits
    public let killGrace: Double
    /// The build's long-lived workers, started with the same memory limit; nil starts a process per step.
    public let pool: WorkerPool?

    /// 4 GiB: four times the largest deck altbuild reads, so a real deck
    /// never meets it, while a runaway parser stops long before the machine does.
    public static let defaultMemoryLimit = 4 << 30

    public init(executable: String, temporaryDirectory: String, extractMedia: Bool,
                preparation: ImagePreparation = ImagePreparation(), memoryLimit: Int = WorkerDeckProcessor.defaultMemoryLimit,
                limits: ReadLimits = .default, killGrace: Double = 2, pool: WorkerPool? = nil) {
        self.executable = executable
        self.temporaryDirectory = temporaryDirectory
        self.extractMedia = extractMedia
        self.preparation = preparation
        self.memoryLimit = memoryLimit
        self.limits = limits
        self.killGrace = killGrace
        self.pool = pool
    }

    /// `altbuild-worker`, installed next to `altbuild` (or `$ALTBUILD_WORKER`).
    /// A separate executable so that the parent links neither libxml2 nor
    /// libzip: it never parses a deck, and does not pay to load them.
    public static func workerExecutable() -> String {
        SiblingExecutable.path("altbuild-worker", override: "ALTBUILD_WORKER")
    }

    /// Parses one deck in a worker and returns its inventory, for `inspect`.
    public func inventory(of path: String, digest: SHA256Digest) async throws -> DeckInventory {
        try await scan(path, digest: digest, cancel: CancelFlag()).inventory
    }

    public func scan(_ path: String, digest: SHA256Digest, cancel: CancelFlag) async throws -> ScannedDeck {
        let mediaDirectory = temporaryDirectory + "/media"
        let request = WorkerRequest(step: .scan, deck: path, expect: digest.hex, limits: limits, maxPixels: preparation.maxPixels,
                                    imageSide: extractMedia ? preparation.longestSide : 0,
                                    mediaDirectory: extractMedia ? mediaDirectory : nil)
        let output = try await run(request, cancel: cancel)
        let result: WorkerMessages.ScanResult
        do {
            result = try WorkerMessages.decodeScan(output)
        } catch {
            throw AltbuildError(.workerFailed, "the worker's answer could not be read: \(error)", path: path)
        }
        var images: [SHA256Digest: ImageFacts] = [:]
        for (hex, facts) in result.images {
            guard let digest = SHA256Digest(hex: hex) else {
                throw AltbuildError(.workerFailed, "the worker named a picture with a malformed digest", path: path)
            }
            images[digest] = facts
        }
        let written = result.media
        return ScannedDeck(inventory: result.inventory, images: images, fileStatus: result.status) { digest in
            guard let format = written[digest.hex] else { return nil }
            // The file is the worker's prepared copy in this build's temp folder; gone means the build is being torn down.
            return (try? FileIO.read(mediaDirectory + "/" + digest.hex)).map { SlotImage(bytes: $0, format: format) }
        }
    }

    /// The worker writes the new deck into this build's temp folder, reads
    /// it back (checking every edit) and reports the digest it read; the
    /// file is not read again here. The worker is the one process that may
    /// meet a hostile deck, and one that lied about its own output could as
    /// well have written another; what the parent checks is that the file
    /// it is handed is there, a regular file, and not a link.
    public func inject(_ path: String, digest: SHA256Digest, edits: DeckEdits, hashed: FileStatus?,
                       cancel: CancelFlag) async throws -> WrittenDeck {
        let outputPath = temporaryDirectory + "/" + digest.hex.prefix(16) + "-\(UInt32.random(in: 0...UInt32.max)).out.pptx"
        do {
            var request = WorkerRequest(step: .inject, deck: path, expect: digest.hex, limits: limits, edits: edits, output: outputPath)
            request.hashedStatus = hashed
            let answer = try await run(request, cancel: cancel)
            // An unreadable answer fails the deck below, with the worker's output in the log.
            guard let result = try? WorkerMessages.decodeInject(answer), let written = SHA256Digest(hex: result.output) else {
                throw AltbuildError(.workerFailed, "the worker's answer could not be read", path: path)
            }
            var info = stat()
            guard lstat(outputPath, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
                throw AltbuildError(.workerFailed, "the worker reported a deck it did not write", path: path)
            }
            return WrittenDeck(path: outputPath, digest: written)
        } catch {
            unlink(outputPath)
            throw error
        }
    }

    /// The worker's answer to `request`, from the pool or a process of its own.
    private func run(_ request: WorkerRequest, cancel: CancelFlag) async throws -> [UInt8] {
        guard let pool else {
            let outcome = WorkerOutcome(oneShot: try await runOneShot(request, cancel: cancel))
            return try outcome.answer(path: request.deck, memoryLimit: memoryLimit, cancel: cancel)
        }
        return try await PooledRequest(request: request, memoryLimit: memoryLimit).run(in: pool, cancel: cancel)
    }

    /// A worker started for this step alone; inject's edits go in a file beside the output.
    private func runOneShot(_ request: WorkerRequest, cancel: CancelFlag) async throws -> ChildResult {
        var editsFile: String?
        if let edits = request.edits, let output = request.output {
            let file = output + ".edits.json"
            try FileIO.writeAtomically(Array(try JSONEncoder().encode(edits)), to: file, durable: false)
            editsFile = file
        }
        defer { editsFile.map { _ = unlink($0) } }
        let limit = memoryLimit > 0 ? ["--memory-limit", String(memoryLimit)] : []
        let spec = ChildSpec(executable: executable, arguments: try request.arguments(editsFile: editsFile) + limit,
                             stdoutLimit: WorkerDeckProcessor.answerLimit, stderrTailLimit: 4096, killGrace: killGrace)
        return try await ChildProcess.runAsync(spec, cancel: cancel)
    }

    /// The most of an answer the parent reads: an inventory, however large the deck.
    static let answerLimit = 256 << 20
}
