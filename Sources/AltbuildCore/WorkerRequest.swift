public import AltbuildSupport
public import DeckModel

/// One step of one deck, as the parent asks a worker for it: on the command
/// line of a one-shot worker (`altbuild-worker scan|inject ...`), or as one
/// framed JSON request to a pool worker (`altbuild-worker serve`). One value
/// for both, so the two ways cannot drift apart.
public struct WorkerRequest: Codable, Sendable, Equatable {
    public enum Step: String, Codable, Sendable {
        case scan, inject
    }

    public var step: Step
    public var deck: String
    /// The digest the build hashed (hex): the worker refuses other bytes.
    public var expect: String?
    public var limits: ReadLimits
    /// The pixel budget, and the side pictures are scaled to (0: never).
    public var maxPixels: Int
    public var imageSide: Int
    /// Scan: where prepared pictures are written, named by digest; nil writes none.
    public var mediaDirectory: String?
    /// Inject: the edits (a one-shot worker reads them from a file) and where the new deck goes.
    public var edits: DeckEdits?
    public var output: String?
    /// Inject: the status the scan saw when it hashed the deck; a file still
    /// in it is not hashed again (pool workers only: a one-shot worker hashes).
    public var hashedStatus: FileStatus?

    public init(step: Step, deck: String, expect: String?, limits: ReadLimits = .default,
                maxPixels: Int = ImagePreparation.defaultMaxPixels, imageSide: Int = 0, mediaDirectory: String? = nil,
                edits: DeckEdits? = nil, output: String? = nil) {
        self.step = step
        self.deck = deck
        self.expect = expect
        self.limits = limits
        self.maxPixels = maxPixels
        self.imageSide = imageSide
        self.mediaDirectory = mediaDirectory
        self.edits = edits
        self.output = output
    }

    public var preparation: ImagePreparation {
        ImagePreparation(maxPixels: maxPixels, longestSide: imageSide)
    }

    /// The one-shot worker's command line for this request, the edits being in `editsFile`.
    func arguments(editsFile: String?) throws -> [String] {
        var arguments = [step.rawValue, "--deck", deck]
        if let expect { arguments += ["--expect", expect] }
        arguments += ["--max-pixels", String(maxPixels), "--limits", try WorkerMessages.limitsArgument(limits)]
        if let mediaDirectory { arguments += ["--media-dir", mediaDirectory, "--image-side", String(imageSide)] }
        if let editsFile { arguments += ["--edits", editsFile] }
        if let output { arguments += ["--output", output] }
        return arguments
    }
}
