import AltbuildSupport
#if canImport(Glibc)
import Glibc
#endif

/// What a target's shard is computed from: its path relative to the project
/// root, so that every CI runner, wherever it checks the project out, and
/// whether the job names the folder as `decks`, `./decks/` or
/// `/builds/team/talks/decks`, puts the target in the same shard.
///
/// Commands run in the project root, so a relative path already is one; an
/// absolute path under the root (also through a symbolic link to it) loses
/// the root. A path outside the project (`../shared/x.pptx`, `/srv/x.pptx`)
/// keeps its tidied text: the same on machines that lay folders out alike.
public enum ShardKey {
    public static func key(for path: String, root: String) -> String {
        let clean = InputDiscovery.normalize(path)
        guard clean.hasPrefix("/") else { return clean }
        if let inside = relative(clean, to: root) { return inside }
        // The path may reach the root through a link (/home/me → /data/home/me): compare resolved folders.
        let folder = FileIO.parentDirectory(of: clean)
        guard let resolved = realpath(folder, nil) else { return clean }
        defer { free(resolved) }
        let real = String(cString: resolved) + "/" + FileIO.baseName(of: clean)
        return relative(InputDiscovery.normalize(real), to: root) ?? clean
    }

    /// `path` below `root`, without it; nil when it is not below.
    private static func relative(_ path: String, to root: String) -> String? {
        let prefix = root.hasSuffix("/") ? root : root + "/"
        guard path.hasPrefix(prefix) else { return nil }
        return String(path.dropFirst(prefix.count))
    }
}
