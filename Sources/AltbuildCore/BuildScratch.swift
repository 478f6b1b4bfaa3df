import AltbuildSupport
#if canImport(Glibc)
import Glibc
#endif

/// A build's temp folder, `.altbuild/tmp/<build-id>/`: worker answers,
/// extracted pictures, edit lists. Removed at the end of every build,
/// whatever happened; folders left by builds that died are removed when the
/// next build starts (it holds the lock, so no other build is using them).
public struct BuildScratch: Sendable {
    public let root: String
    public let path: String

    public init(stateDirectory: String, buildID: String) {
        root = stateDirectory + "/tmp"
        path = root + "/" + buildID
    }

    /// Removes leftovers of dead builds and creates this build's folder.
    /// Returns how many leftover folders were removed.
    @discardableResult
    public func prepare() throws -> Int {
        var removed = 0
        for name in FileIO.list(root) where root + "/" + name != path {
            removeTree(root + "/" + name)
            removed += 1
        }
        try FileIO.makeDirectories(path)
        return removed
    }

    /// Removes this build's folder, and `tmp/` itself when nothing else is
    /// in it, so a finished or interrupted build leaves no temp folder.
    public func remove() {
        removeTree(path)
        rmdir(root)
    }
}

/// `rm -rf`, without following symbolic links.
func removeTree(_ path: String) {
    var info = stat()
    guard lstat(path, &info) == 0 else { return }
    if (info.st_mode & S_IFMT) == S_IFDIR {
        for name in FileIO.list(path) { removeTree(path + "/" + name) }
        rmdir(path)
    } else {
        unlink(path)
    }
}
