import AltbuildSupport
import DeckModel
import ProcessSupport
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Any program as a describer: it gets the slot's image on stdin and its
/// context as JSON in `ALTBUILD_SLOT`, and prints the ALT text. It runs with
/// `/bin/sh -c`, in its own process group, with its own timeout and a bound
/// on what it may print. A plug-in point for users, and real processes
/// (slow, hanging, failing) for the tests.
public struct CommandDescriber: Describer {
    public let command: String
    public let timeout: Double
    public let outputLimit: Int
    /// Shared with the rest of the build: a real command loads a model, so
    /// how many run at once is bounded for the whole build, not per deck.
    public let processes: DescriberLimiter

    public init(command: String, timeout: Double = 120, outputLimit: Int = 64 << 10,
                limiter: DescriberLimiter = DescriberLimiter(limit: DescriberLimiter.defaultLocalLimit)) {
        self.command = command
        self.timeout = timeout
        self.outputLimit = outputLimit
        processes = limiter
    }

    public var limiter: DescriberLimiter? { processes }

    public var identity: DescriberIdentity {
        DescriberIdentity(name: "command", version: "1", settings: ["command": command])
    }

    public var needsMedia: Bool { true }

    /// What the program is given (`ALTBUILD_SLOT`).
    struct SlotJSON: Codable {
        var deck: String
        var slide: Int
        var part: String
        var shapeId: String
        var name: String
        var kind: String
        var slideTitle: String?
        var caption: String?
        var slideText: [String]
        var notes: String?
        var mediaPart: String?
        var mediaSha256: String?
    }

    static func slotJSON(_ request: DescriptionRequest, includeDeck: Bool) -> String {
        let slot = request.slot
        let json = SlotJSON(
            deck: includeDeck ? request.deckPath : "", slide: slot.slide, part: slot.part, shapeId: slot.shapeID,
            name: slot.name, kind: slot.kind.rawValue, slideTitle: slot.context.slideTitle, caption: slot.context.caption,
            slideText: slot.context.slideText, notes: slot.context.notes, mediaPart: slot.mediaPart,
            mediaSha256: slot.mediaDigest?.hex)
        // Strings, numbers and optionals only: encoding cannot fail, and "{}" would only hide context.
        return (try? CanonicalJSON.text(json)) ?? "{}"
    }

    /// An external program may use any of the context it is given, so all of
    /// it keys the cache (except the deck's path: the same slide content in
    /// another deck is the same question).
    public func contextKey(_ request: DescriptionRequest) -> String {
        Self.slotJSON(request, includeDeck: false)
    }

    public func describe(_ request: DescriptionRequest) async throws -> Description {
        var environment = ChildProcess.currentEnvironment()
        environment["ALTBUILD_SLOT"] = Self.slotJSON(request, includeDeck: true)
        let spec = ChildSpec(executable: "/bin/sh", arguments: ["-c", command], environment: environment,
                             stdin: request.media?.bytes ?? [], stdoutLimit: outputLimit, stderrTailLimit: 2048,
                             timeout: timeout, killGrace: 2)
        let cancel = request.cancel
        let result = try await processes.withPermit { try await ChildProcess.runAsync(spec, cancel: cancel) }
        let details = ["describer": result.termination.description, "stderr_tail": result.stderrText]
        if result.cancelled { throw request.cancel.error(path: request.deckPath, details: details) }
        if result.timedOut {
            throw AltbuildError(.describerFailed, "the describer command timed out after \(Int(timeout))s on slide \(request.slot.slide) (\(request.slot.name))",
                                path: request.deckPath, details: details)
        }
        guard result.termination == Termination.exited(0) else {
            let last = result.stderrText.split(separator: "\n").last.map { ": " + $0 } ?? ""
            throw AltbuildError(.describerFailed, "the describer command ended with \(result.termination) on slide \(request.slot.slide) (\(request.slot.name))\(last)",
                                path: request.deckPath, details: details)
        }
        let text = String(decoding: result.stdout, as: UTF8.self)
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
        guard !text.isEmpty else {
            throw AltbuildError(.describerFailed, "the describer command printed nothing for slide \(request.slot.slide) (\(request.slot.name))",
                                path: request.deckPath, details: details)
        }
        return Description(text: text, needsReview: false)
    }
}
