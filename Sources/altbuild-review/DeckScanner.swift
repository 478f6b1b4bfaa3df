import AltbuildCore
import AltbuildSupport
import DeckModel
import Foundation

/// Scans a deck once through `altbuild-worker`, as a build does: this
/// process never parses deck bytes. Pictures come back scaled to 800 pixels
/// on their longest side, enough for a reviewer, and are kept in memory so
/// the worker's files can go at once.
struct DeckScanner: Sendable {
    /// The `altbuild-worker` executable.
    var worker: String
    /// The picture preparation asked of the worker.
    var preparation = ImagePreparation(maxPixels: ImagePreparation.defaultMaxPixels, longestSide: 800)

    func scan(_ deck: DeckArgument) async -> ReviewedDeck {
        var reviewed = ReviewedDeck(deckPath: deck.deckPath, reviewPath: deck.reviewPath, slots: [:], media: [:])
        do {
            let digest = try SHA256.hash(contentsOf: deck.deckPath, limit: ReadLimits.default.maxDeckBytes)
            let directory = try Self.makeTemporaryDirectory()
            defer { Self.remove(directory) }
            let processor = WorkerDeckProcessor(executable: worker, temporaryDirectory: directory, extractMedia: true,
                                                preparation: preparation)
            let scanned = try await processor.scan(deck.deckPath, digest: digest, cancel: CancelFlag())
            let slots = scanned.inventory.slots
            for (identity, slot) in zip(SlotIdentity.identities(slots), slots) {
                reviewed.slots[identity] = slot
                if let digest = slot.mediaDigest, reviewed.media[digest.hex] == nil, let image = scanned.media(digest) {
                    reviewed.media[digest.hex] = image
                }
            }
        } catch let error as AltbuildError {
            reviewed.scanError = error.at(deck.deckPath).description
        } catch {
            reviewed.scanError = "\(deck.deckPath): \(error)"
        }
        return reviewed
    }

    /// A folder of this process's own for the worker's pictures, so two
    /// servers (or a build) never share files.
    private static func makeTemporaryDirectory() throws -> String {
        var template = Array("/tmp/altbuild-review-XXXXXX".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { buffer in buffer.baseAddress.flatMap { mkdtemp($0) } }
        guard made != nil else {
            throw AltbuildError(.writeFailed, "cannot create a temp folder: \(FileIO.errnoText())", path: "/tmp")
        }
        return String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Removes the worker's files (the folder holds only `media/<digest>`).
    private static func remove(_ directory: String) {
        let media = directory + "/media"
        for name in FileIO.list(media) { unlink(media + "/" + name) }
        rmdir(media)
        rmdir(directory)
    }
}
