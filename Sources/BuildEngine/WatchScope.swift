public import AltbuildSupport
#if canImport(Glibc)
import Glibc
#endif

/// What a watch covers: the roots a build is given (folders, walked as
/// discovery walks them, and single files) and discovery's rules for which
/// folders are walked and which files are inputs. A change to anything else
/// (the build's own outputs and state, an editor's temp file, `.git`) is
/// not a change of the inputs, so a build never sets off another.
public struct WatchScope: Sendable {
    /// Folders watched with everything below them that discovery walks.
    public let folders: [String]
    /// Single inputs named as roots; their folders are watched, not below.
    public let files: Set<String>
    public let discovery: InputDiscovery
    /// The roots as given, for listings.
    public let roots: [String]

    /// A root that does not exist yet is watched as a folder when it appears
    /// (a listing sees it; inotify, from the folder it is made in, is not asked).
    public init(roots: [String], discovery: InputDiscovery) {
        let clean = roots.map(InputDiscovery.normalize)
        var folders: [String] = [], files: Set<String> = []
        for root in clean {
            var info = stat()
            if stat(root, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG { files.insert(root) } else { folders.append(root) }
        }
        self.folders = folders
        self.files = files
        self.discovery = discovery
        self.roots = clean
    }

    /// A folder's child's path, as discovery writes it (`decks/a`, not `./decks/a`).
    public static func child(_ name: String, of folder: String) -> String {
        folder == "." ? name : (folder.hasSuffix("/") ? folder + name : folder + "/" + name)
    }

    /// Whether the folder `name` at `path`, met below a root, is watched as discovery would walk it.
    public func watches(folder path: String, name: String) -> Bool {
        !name.hasPrefix(".") && !discovery.isExcluded(folder: path, name: name)
    }

    /// Whether a file event concerns an input: an input's name in a folder
    /// watched with its tree, or a file named as a root.
    public func concerns(file path: String, name: String, inTree: Bool) -> Bool {
        files.contains(path) || (inTree && discovery.isInput(name: name))
    }

    /// Every input with what `stat` says of it, for comparing two moments.
    /// A root that cannot be walked (removed, say) lists nothing: its coming
    /// back is a change, and the build that follows says what is wrong.
    public func listing() -> [String: FileStatus] {
        var listing: [String: FileStatus] = [:]
        for root in roots {
            let found: [DiscoveredInput]
            do {
                found = try discovery.discover([root])
            } catch {
                continue
            }
            for input in found {
                if let status = FileStatus(path: input.path) { listing[input.path] = status }
            }
        }
        return listing
    }
}
