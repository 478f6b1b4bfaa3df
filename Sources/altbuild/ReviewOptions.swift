import ArgumentParser
import AltbuildCore
import BuildEngine
import ProjectSettings

/// Where review files are, for the commands that take one deck: `inspect`
/// and the `review` decisions. Like every setting, the flags override
/// `altbuild.toml`, which overrides the defaults.
struct ReviewOptions: ParsableArguments {
    @Option(name: .customLong("review-dir"), help: ArgumentHelp(Settings.help("review.dir")))
    var reviewDir: String?

    @Option(name: .customLong("out-dir"), help: ArgumentHelp(Settings.help("build.out-dir") + "; a deck under it is reviewed through its source deck's file"))
    var outDir: String?

    /// The deck named on the command line, and its review file, both as seen
    /// from the project root. An output deck (`build/talks/a.pptx`) has its
    /// source's review file (`talks/a.pptx`'s), since its texts came from that build.
    func locate(deck: String) throws -> (deck: String, review: String) {
        let context = try ProjectContext.load()
        var flags = FlagValues()
        try flags.add("review.dir", reviewDir.map(context.fromCommandLine))
        try flags.add("build.out-dir", outDir.map(context.fromCommandLine))
        let settings = EffectiveSettings(file: context.file, flags: flags.values)
        let path = InputDiscovery.normalize(context.fromCommandLine(deck))
        let out = InputDiscovery.normalize(settings.string("build.out-dir")) + "/"
        let source = path.hasPrefix(out) ? String(path.dropFirst(out.count)) : path
        let review = ReviewFile.path(reviewDirectory: InputDiscovery.normalize(settings.string("review.dir")),
                                     deckRelativePath: InputDiscovery.outputPath(for: source))
        return (path, review)
    }
}
