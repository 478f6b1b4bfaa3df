import AltbuildSupport
#if canImport(Glibc)
import Glibc
#endif

/// Keeps every write inside the output folder. Output paths are made from
/// input paths with `..` and `.` removed, so they cannot climb out by name;
/// what remains is a symbolic link already sitting in the output tree (a
/// repository can commit `build/x -> /home/you`), which a write would follow.
/// Every existing component below the output folder is checked with `lstat`
/// before writing, and a link anywhere on the way is refused. The output
/// folder itself may be a link: the user put it there.
public struct OutputConfinement: Sendable {
    /// The output folder; nil for in-place builds, which write the input itself.
    public let root: String?

    public init(root: String?) { self.root = root }

    public func check(_ path: String) throws {
        guard let root else {
            if Self.isSymbolicLink(path) {
                throw AltbuildError(.writeFailed, "the input is a symbolic link; in-place builds write only regular files, so it was left alone", path: path)
            }
            return
        }
        let prefix = root == "." ? "" : root + "/"
        guard path.hasPrefix(prefix) else {
            throw AltbuildError(.writeFailed, "the output path is outside the output folder \(root); nothing was written", path: path)
        }
        let components = path.dropFirst(prefix.count).split(separator: "/")
        if components.contains(where: { $0 == ".." || $0 == "." }) {
            throw AltbuildError(.writeFailed, "the output path climbs out of the output folder \(root); nothing was written", path: path)
        }
        var current = root == "." ? "" : root
        for component in components {
            current += (current.isEmpty ? "" : "/") + component
            var info = stat()
            guard lstat(current, &info) == 0 else { return }  // The rest does not exist yet: it will be made as folders.
            if (info.st_mode & S_IFMT) == S_IFLNK {
                throw AltbuildError(.writeFailed, "\(current) is a symbolic link; altbuild writes only inside \(root), so nothing was written", path: path)
            }
        }
    }

    static func isSymbolicLink(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK
    }
}
