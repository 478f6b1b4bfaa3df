import ArgumentParser
import ProjectSettings

/// The remote cache's settings as flags, for `build` (and `config`, to show
/// what a build with them would use).
struct RemoteFlags: ParsableArguments {
    @Option(name: .customLong("remote-cache"), help: ArgumentHelp(Settings.help("remote.cache"), valueName: "url"))
    var cache: String?

    @Flag(name: .customLong("remote-upload"), inversion: .prefixedNo, help: ArgumentHelp(Settings.help("remote.upload")))
    var upload: Bool?

    @Option(name: .customLong("remote-header-env"), help: ArgumentHelp(Settings.help("remote.header-env"), valueName: "variable"))
    var headerEnvironment: String?

    @Option(name: .customLong("remote-timeout"), help: ArgumentHelp(Settings.help("remote.timeout")))
    var timeout: String?

    /// Adds the settings given here as flags to `flags`.
    func add(to flags: inout FlagValues) throws {
        try flags.add("remote.cache", cache)
        try flags.add("remote.header-env", headerEnvironment)
        try flags.add("remote.timeout", timeout)
        flags.add("remote.upload", upload)
    }
}
