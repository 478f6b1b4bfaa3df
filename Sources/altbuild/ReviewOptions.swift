import ArgumentParser
import AltbuildCore
import BuildEngine

/// Where review files are, for the commands that take one deck: `inspect`
/// and the `review` decisions.
struct ReviewOptions: ParsableArguments {
    @Option(name: .customLong("review-dir"), help: "Where the decks' review files live: <review-dir>/<deck path>.json.")
    var reviewDir = "alt-text"

    @Option(name: .customLong("out-dir"), help: "The build's output folder: a deck under it is reviewed through its source deck's file.")
    var outDir = "build"

    /// The review file of `deck`, named as the build names it. An output deck
    /// (`build/talks/a.pptx`) has its source's (`talks/a.pptx`), since its
    /// texts came from that build.
    func reviewPath(forDeck deck: String) -> String {
        let path = InputDiscovery.normalize(deck)
        let out = InputDiscovery.normalize(outDir) + "/"
        let source = path.hasPrefix(out) ? String(path.dropFirst(out.count)) : path
        return ReviewFile.path(reviewDirectory: InputDiscovery.normalize(reviewDir),
                               deckRelativePath: InputDiscovery.outputPath(for: source))
    }
}
