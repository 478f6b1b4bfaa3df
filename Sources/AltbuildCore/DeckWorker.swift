public import OOXML
public import AltbuildSupport
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif

/// The worker side of deck isolation: `altbuild __worker scan|inject` runs
/// these in a child process and prints the JSON they return. A worker reads
/// the deck itself and checks it has the digest the parent hashed, so both
/// sides always talk about the same bytes.
public enum DeckWorker {
    /// Exit status of a worker that reports an `AltbuildError` as JSON.
    public static let errorExitStatus: Int32 = 3

    struct ScanResult: Codable {
        var inventory: DeckInventory
        /// Media digests (hex) whose bytes were written to the media folder under that name.
        var media: [String]
    }

    struct InjectResult: Codable {
        var output: String
    }

    struct ErrorResult: Codable {
        var code: String
        var message: String
    }

    public static func scan(deck path: String, expect: SHA256Digest?, mediaDirectory: String?, limits: ReadLimits) throws -> [UInt8] {
        try injectFault(path)
        let deck = try read(path, expect: expect, limits: limits)
        let inventory = try deck.inventory()
        var written: [String] = []
        if let mediaDirectory {
            var seen = Set<SHA256Digest>()
            for slot in inventory.slots where slot.kind == .picture || slot.kind == .pictureFill {
                guard let digest = slot.mediaDigest, let part = slot.mediaPart, seen.insert(digest).inserted else { continue }
                try FileIO.writeAtomically(try deck.package.bytes(of: part), to: mediaDirectory + "/" + digest.hex, durable: false)
                written.append(digest.hex)
            }
        }
        return Array(try JSONEncoder().encode(ScanResult(inventory: inventory, media: written)))
    }

    public static func inject(deck path: String, expect: SHA256Digest?, edits editsPath: String, output: String, limits: ReadLimits) throws -> [UInt8] {
        try injectFault(path)
        let deck = try read(path, expect: expect, limits: limits)
        let edits = try JSONDecoder().decode([AltTextEdit].self, from: Data(try FileIO.read(editsPath)))
        let bytes = try DeckInjector.inject(deck, edits: edits, limits: limits)
        try FileIO.writeAtomically(bytes, to: output, durable: false)
        return Array(try JSONEncoder().encode(InjectResult(output: SHA256.hash(bytes).hex)))
    }

    public static func errorJSON(_ error: AltbuildError) -> [UInt8] {
        (try? JSONEncoder().encode(ErrorResult(code: error.code.rawValue, message: error.message))).map(Array.init) ?? []
    }

    static func decodeError(_ bytes: [UInt8]) -> AltbuildError? {
        (try? JSONDecoder().decode(ErrorResult.self, from: Data(bytes))).map { AltbuildError(ErrorCode($0.code), $0.message) }
    }

    static func decodeScan(_ bytes: [UInt8]) throws -> ScanResult {
        try JSONDecoder().decode(ScanResult.self, from: Data(bytes))
    }

    static func decodeInject(_ bytes: [UInt8]) throws -> InjectResult {
        try JSONDecoder().decode(InjectResult.self, from: Data(bytes))
    }

    private static func read(_ path: String, expect: SHA256Digest?, limits: ReadLimits) throws -> Deck {
        let deck = try Deck(path: path, limits: limits)
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
