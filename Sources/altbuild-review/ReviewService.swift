import AltbuildCore
import AltbuildSupport
import DeckModel

/// The review files behind the page. An actor so that decisions are applied
/// one at a time: each reloads its file, applies, and saves before the next,
/// and no two requests ever write the same file at once. It reads and writes
/// only the review files it was given.
actor ReviewService {
    let decks: [ReviewedDeck]

    init(decks: [ReviewedDeck]) {
        self.decks = decks
    }

    /// Every deck's slots as the review files say now.
    func snapshot() -> ReviewSnapshot {
        var views: [ReviewSnapshot.Deck] = []
        for (index, deck) in decks.enumerated() {
            var view = ReviewSnapshot.Deck(index: index, deck: deck.deckPath, reviewFile: deck.reviewPath,
                                           error: deck.scanError, slots: [])
            do {
                let file = try load(deck)
                view.slots = file.slots.map { SlotView(deck: index, entry: $0, scanned: deck) }
            } catch let error as AltbuildError {
                // Shown with the deck; the other decks stay reviewable.
                view.error = error.description
            } catch {
                view.error = "\(deck.reviewPath): \(error)"
            }
            views.append(view)
        }
        let left = views.reduce(0) { $0 + $1.slots.filter(\.open).count }
        return ReviewSnapshot(decks: views, left: left)
    }

    /// Applies one decision and saves the review file at once.
    func decide(_ request: DecideRequest) throws -> DecideAnswer {
        guard decks.indices.contains(request.deck) else {
            throw AltbuildError(.reviewRequest, "no deck \(request.deck): the server was given \(decks.count)")
        }
        let deck = decks[request.deck]
        let decision = try request.reviewDecision()
        var file = try load(deck)
        let entry = try file.apply(decision, to: request.slot, path: deck.reviewPath)
        try file.save(to: deck.reviewPath)
        return DecideAnswer(slot: SlotView(deck: request.deck, entry: entry, scanned: deck), left: snapshot().left)
    }

    /// A picture of one of the deck's slots, nil for any other digest.
    nonisolated func media(deck index: Int, digest: String) -> SlotImage? {
        guard decks.indices.contains(index) else { return nil }
        return decks[index].media[digest]
    }

    private func load(_ deck: ReviewedDeck) throws -> ReviewFile {
        guard let file = try ReviewFile.load(deck.reviewPath) else {
            throw AltbuildError(.reviewFileInvalid, "no review file: the deck was not built yet (run altbuild build)", path: deck.reviewPath)
        }
        return file
    }
}
