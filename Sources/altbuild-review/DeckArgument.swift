import ArgumentParser
import AltbuildCore

/// One `--deck DECK=REVIEWFILE` pair. Both paths may hold `=` (a review
/// file's path contains its deck's), so the pair splits after the first `=`
/// that ends a deck name (`.pptx=`), and only failing that at the first `=`.
struct DeckArgument: ExpressibleByArgument, Sendable, Equatable {
    var deckPath: String
    var reviewPath: String

    init(deckPath: String, reviewPath: String) {
        self.deckPath = deckPath
        self.reviewPath = reviewPath
    }

    init?(argument: String) {
        let separators = argument.indices.filter { argument[$0] == "=" }
        let afterDeckName = separators.first { separator in
            let name = argument[..<separator]
            return DeckFormats.extensions.contains { name.lowercased().hasSuffix("." + $0) }
        }
        guard let separator = afterDeckName ?? separators.first else { return nil }
        let deck = String(argument[..<separator])
        let review = String(argument[argument.index(after: separator)...])
        guard !deck.isEmpty, !review.isEmpty else { return nil }
        self.init(deckPath: deck, reviewPath: review)
    }
}
