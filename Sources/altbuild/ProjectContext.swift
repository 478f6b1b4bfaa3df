import AltbuildSupport
import BuildEngine
import ProjectSettings
#if canImport(Glibc)
import Glibc
#endif

/// The project a command runs in. `altbuild.toml` is looked for in the
/// current folder and each folder above it, as git looks for `.git`; its
/// folder is the project root, the command works there (so `.altbuild/`,
/// outputs and review files are the project's, from any subfolder), and
/// paths in the file are relative to it. Paths on the command line stay
/// relative to the folder the command was started in.
struct ProjectContext: Sendable {
    /// The folder holding `altbuild.toml`; nil without one (the current folder is then the root).
    let root: String?
    /// The folder the command was started in, relative to the root; empty at the root.
    let prefix: String
    let file: ConfigFile?

    /// Found once per process, on first use: the search, the move to the
    /// root and the read of the file happen then, and only then.
    static let current: Result<ProjectContext, any Error> = Result { try locate() }

    static func load() throws -> ProjectContext { try current.get() }

    private static func locate() throws(ConfigError) -> ProjectContext {
        guard let start = FileIO.currentDirectory() else { return ProjectContext(root: nil, prefix: "", file: nil) }
        guard let root = ConfigFile.find(from: start) else { return ProjectContext(root: nil, prefix: "", file: nil) }
        let file: ConfigFile
        do {
            file = try ConfigFile.read(root + "/" + ConfigFile.name)
        } catch let error as ConfigError {
            throw error
        } catch {
            throw ConfigError("\(root)/\(ConfigFile.name): \(error)")
        }
        var prefix = ""
        if root != start {
            guard chdir(root) == 0 else { throw ConfigError("cannot work in the project root \(root) (where \(ConfigFile.name) is)") }
            prefix = String(start.dropFirst(root == "/" ? 1 : root.count + 1))
        }
        // Named relative to the root, where the command now runs.
        return ProjectContext(root: root, prefix: prefix,
                              file: ConfigFile(path: ConfigFile.name, values: file.values))
    }

    /// A path given on the command line, as seen from the root.
    func fromCommandLine(_ path: String) -> String {
        guard !prefix.isEmpty, !path.hasPrefix("/") else { return path }
        return InputDiscovery.normalize(prefix + "/" + path)
    }
}
