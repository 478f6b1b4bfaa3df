public import DeckModel
public import AltbuildSupport
import ProcessSupport

/// What `altbuild-worker` prints: the parent and the worker agree on these
/// JSON shapes, and nothing else crosses the process boundary. A one-shot
/// worker prints one and ends with its exit status; a pool worker sends the
/// same JSON in a reply frame, after the exit status as one byte.
public enum WorkerMessages {
    /// Exit status of a worker that reports an `AltbuildError` as JSON.
    public static let errorExitStatus: Int32 = 3

    public struct ScanResult: Codable, Sendable {
        public var inventory: DeckInventory
        /// What the worker learnt about each picture, by digest (hex).
        public var images: [String: ImageFacts]
        /// Pictures written to the media folder, named by digest (hex), with
        /// the format of what was written (a scaled GIF is written as PNG).
        public var media: [String: ImageFormat]
        /// The deck file's status when the worker opened and hashed it: the
        /// inject that follows skips hashing a file still in that status.
        public var status: FileStatus?
        public init(inventory: DeckInventory, images: [String: ImageFacts], media: [String: ImageFormat],
                    status: FileStatus? = nil) {
            self.inventory = inventory
            self.images = images
            self.media = media
            self.status = status
        }
    }

    public struct InjectResult: Codable, Sendable {
        public var output: String
        public init(output: String) { self.output = output }
    }

    public struct ErrorResult: Codable, Sendable {
        public var code: String
        public var message: String
    }

    /// The read limits as the worker's `--limits` argument: one compact JSON
    /// object, so a limit added to `ReadLimits` reaches the worker without
    /// another flag on either side.
    static func limitsArgument(_ limits: ReadLimits) throws -> String {
        try CanonicalJSON.text(limits)
    }

    /// The worker's side of `limitsArgument`; every limit must be there.
    public static func decodeLimits(_ argument: String) throws -> ReadLimits {
        do {
            return try CanonicalJSON.decode(ReadLimits.self, from: Array(argument.utf8))
        } catch {
            throw AltbuildError(.internalError, "--limits is not a complete set of read limits: \(error)")
        }
    }

    /// The largest request a pool worker reads: a request is a path or two
    /// and the deck's edits, kilobytes; a length past this is not a request.
    public static let requestLimit = 64 << 20

    /// A pool worker's reply payload: the exit status a one-shot worker
    /// would have ended with, then the JSON it would have printed.
    public static func reply(status: Int32, answer: [UInt8]) -> [UInt8] {
        [UInt8(truncatingIfNeeded: status)] + answer
    }

    /// The status and JSON of a reply payload; nil for an empty one.
    static func splitReply(_ payload: [UInt8]) -> (status: Int32, answer: [UInt8])? {
        payload.first.map { (Int32($0), Array(payload.dropFirst())) }
    }

    /// A frame as pool workers send and take them (see `Frame`).
    public static func frame(_ payload: [UInt8]) -> [UInt8] { Frame.encode(payload) }
    public static var frameHeaderLength: Int { Frame.headerLength }
    public static func frameLength(header: [UInt8]) -> Int { Frame.length(header: header) }

    public static func decodeRequest(_ payload: [UInt8]) throws -> WorkerRequest {
        do {
            return try CanonicalJSON.decode(WorkerRequest.self, from: payload)
        } catch {
            throw AltbuildError(.internalError, "the worker's request could not be read: \(error)")
        }
    }

    public static func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        try CanonicalJSON.encode(value)
    }

    public static func errorJSON(_ error: AltbuildError) -> [UInt8] {
        // Two strings always encode.
        (try? encode(ErrorResult(code: error.code.rawValue, message: error.message))) ?? []
    }

    static func decodeError(_ bytes: [UInt8]) -> AltbuildError? {
        // nil makes the caller report an unreadable error report, with the worker's output.
        (try? CanonicalJSON.decode(ErrorResult.self, from: bytes)).map { AltbuildError(ErrorCode($0.code), $0.message) }
    }

    static func decodeScan(_ bytes: [UInt8]) throws -> ScanResult {
        try CanonicalJSON.decode(ScanResult.self, from: bytes)
    }

    static func decodeInject(_ bytes: [UInt8]) throws -> InjectResult {
        try CanonicalJSON.decode(InjectResult.self, from: bytes)
    }
}
