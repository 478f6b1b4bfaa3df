public import AltbuildSupport
public import DeckModel
import ProcessSupport
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif

/// Parses and rewrites each deck in a child process: `altbuild-worker`,
/// spawned in its own process group with a clean signal state, its output
/// read with a bound. A crash becomes `E_WORKER_CRASHED` with the signal and
/// the tails of the worker's output; the build goes on.
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

    /// 4 GiB: four times the largest deck altbuild reads, so a real deck
    /// never meets it, while a runaway parser stops long before the machine does.
    public static let defaultMemoryLimit = 4 << 30

    public init(executable: String, temporaryDirectory: String, extractMedia: Bool,
                preparation: ImagePreparation = ImagePreparation(), memoryLimit: Int = WorkerDeckProcessor.defaultMemoryLimit,
                limits: ReadLimits = .default, killGrace: Double = 2) {
        self.executable = executable
        self.temporaryDirectory = temporaryDirectory
        self.extractMedia = extractMedia
        self.preparation = preparation
        self.memoryLimit = memoryLimit
        self.limits = limits
        self.killGrace = killGrace
    }

    /// `altbuild-worker`, installed next to `altbuild` (or `$ALTBUILD_WORKER`).
    /// A separate executable so that the parent links neither libxml2 nor
    /// libzip: it never parses a deck, and does not pay to load them.
    public static func workerExecutable() -> String {
        SiblingExecutable.path("altbuild-worker", override: "ALTBUILD_WORKER")
    }

    /// Parses one deck in a worker and returns its inventory, for `inspect`.
    public func inventory(of path: String, digest: SHA256Digest) async throws -> DeckInventory {
        try await scan(path, bytes: [], digest: digest, cancel: CancelFlag()).inventory
    }

    public func scan(_ path: String, bytes: [UInt8], digest: SHA256Digest, cancel: CancelFlag) async throws -> ScannedDeck {
        let mediaDirectory = temporaryDirectory + "/media"
        var arguments = ["scan", "--deck", path, "--expect", digest.hex, "--max-pixels", String(preparation.maxPixels)]
        if extractMedia { arguments += ["--media-dir", mediaDirectory, "--image-side", String(preparation.longestSide)] }
        let output = try await runWorker(arguments, path: path, cancel: cancel)
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
        return ScannedDeck(inventory: result.inventory, images: images) { digest in
            guard let format = written[digest.hex] else { return nil }
            // The file is the worker's prepared copy in this build's temp folder; gone means the build is being torn down.
            return (try? FileIO.read(mediaDirectory + "/" + digest.hex)).map { SlotImage(bytes: $0, format: format) }
        }
    }

    public func inject(_ path: String, bytes: [UInt8], digest: SHA256Digest, edits: DeckEdits, cancel: CancelFlag) async throws -> [UInt8] {
        guard !edits.isEmpty else { return bytes }
        let stem = temporaryDirectory + "/" + digest.hex.prefix(16) + "-\(UInt32.random(in: 0...UInt32.max))"
        let editsPath = stem + ".edits.json"
        let outputPath = stem + ".out.pptx"
        defer {
            unlink(editsPath)
            unlink(outputPath)
        }
        try FileIO.writeAtomically(Array(try JSONEncoder().encode(edits)), to: editsPath, durable: false)
        let answer = try await runWorker(["inject", "--deck", path, "--expect", digest.hex,
                                          "--edits", editsPath, "--output", outputPath], path: path, cancel: cancel)
        // An unreadable answer fails the deck below, with the worker's output in the log.
        guard let result = try? WorkerMessages.decodeInject(answer), let expected = SHA256Digest(hex: result.output) else {
            throw AltbuildError(.workerFailed, "the worker's answer could not be read", path: path)
        }
        let output = try FileIO.read(outputPath)
        guard SHA256.hash(output) == expected else {
            throw AltbuildError(.workerFailed, "the worker's output does not have the digest it reported", path: path)
        }
        return output
    }

    private func runWorker(_ arguments: [String], path: String, cancel: CancelFlag) async throws -> [UInt8] {
        let limit = memoryLimit > 0 ? ["--memory-limit", String(memoryLimit)] : []
        let readLimits = ["--limits", try WorkerMessages.limitsArgument(limits)]
        let spec = ChildSpec(executable: executable, arguments: arguments + limit + readLimits, stdoutLimit: 256 << 20,
                             stderrTailLimit: 4096, killGrace: killGrace)
        let result = try await ChildProcess.runAsync(spec, cancel: cancel)
        var details = [
            "worker": result.termination.description,
            "stdout_tail": String(result.stdoutTail.suffix(1024)),
            "stderr_tail": result.stderrText,
        ]
        if result.cancelled {
            throw cancel.error(path: path, details: details)
        }
        switch result.termination {
        case .exited(0):
            if result.stdoutTruncated { throw AltbuildError(.workerFailed, "the worker's answer is over the size bound", path: path, details: details) }
            return result.stdout
        case .exited(WorkerMessages.errorExitStatus):
            if var error = WorkerMessages.decodeError(result.stdout) {
                error.path = path
                // libxml2 reports a failed allocation as a later syntax error; its stderr says what really happened.
                if memoryLimit > 0 && error.code != .resourceLimit && Self.ranOutOfMemory(result.stderrText) {
                    details["underlying"] = "\(error.code): \(error.message)"
                    throw AltbuildError(.resourceLimit, "the deck needs more memory than the worker's allowance of \(memoryLimit >> 20) MiB (--worker-memory)", path: path, details: details)
                }
                throw error
            }
            details["note"] = "unreadable error report"
            throw AltbuildError(.workerFailed, "the worker failed (\(result.termination))", path: path, details: details)
        case .signalled(let signal):
            details["signal"] = String(signal)
            if memoryLimit > 0 && Self.ranOutOfMemory(result.stderrText) {
                throw AltbuildError(.resourceLimit, "the worker ran out of its memory allowance of \(memoryLimit >> 20) MiB (--worker-memory) and was \(result.termination); the deck asks for more memory than a deck should", path: path, details: details)
            }
            throw AltbuildError(.workerCrashed, "the worker parsing this deck was \(result.termination); the deck may be malformed or hostile", path: path, details: details)
        case .exited:
            throw AltbuildError(.workerFailed, "the worker ended with \(result.termination): \(result.stderrText.split(separator: "\n").last.map(String.init) ?? "")", path: path, details: details)
        }
    }

    /// Whether a worker failed because an allocation failed under its
    /// address-space limit: the Swift runtime, glibc and libxml2 say so on
    /// stderr, whatever error or signal follows.
    static func ranOutOfMemory(_ stderr: String) -> Bool {
        ["failed to allocate", "Could not allocate memory", "Memory allocation failed", "out of memory", "Cannot allocate memory", "std::bad_alloc"].contains { stderr.contains($0) }
    }
}
