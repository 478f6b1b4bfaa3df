import AltbuildSupport
#if canImport(Glibc)
import Glibc
#endif

/// One input file found by discovery.
public struct DiscoveredInput: Sendable, Equatable {
    /// The path to open, as reachable from the working directory.
    public var path: String
    /// Where its output goes, relative to the output folder.
    public var outputRelativePath: String
}

/// Finds build inputs under the given paths, in a deterministic order.
///
/// Generic on purpose: the caller says which file extensions are inputs and
/// which names to skip; discovery knows nothing about what the files are.
public struct InputDiscovery: Sendable {
    public var extensions: Set<String>
    /// Name prefixes to skip, such as PowerPoint's `~$` owner files.
    public var skippedPrefixes: [String]
    /// Folders never descended into (the output folder, `.altbuild`, `.git`).
    public var excludedDirectories: Set<String>

    public init(extensions: Set<String>, skippedPrefixes: [String], excludedDirectories: Set<String>) {
        self.extensions = extensions
        self.skippedPrefixes = skippedPrefixes
        self.excludedDirectories = excludedDirectories
    }

    /// Inputs under `roots`, sorted by path, each once. A root that is a file
    /// is taken as it is (even with another extension, so that the user gets
    /// an error for it rather than silence); a missing root is an error.
    public func discover(_ roots: [String]) throws -> [DiscoveredInput] {
        var found: [String: DiscoveredInput] = [:]
        for root in roots {
            let clean = Self.normalize(root)
            var info = stat()
            guard stat(clean, &info) == 0 else {
                throw AltbuildError(.io, "no such file or folder", path: root)
            }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                try walk(clean, into: &found)
            } else {
                found[clean] = DiscoveredInput(path: clean, outputRelativePath: Self.outputPath(for: clean))
            }
        }
        return found.keys.sorted().compactMap { found[$0] }
    }

    private func walk(_ directory: String, into found: inout [String: DiscoveredInput]) throws {
        guard let handle = opendir(directory) else {
            throw AltbuildError(.io, "cannot list folder: \(FileIO.errnoText())", path: directory)
        }
        defer { closedir(handle) }
        var subdirectories: [String] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            let path = directory == "." ? name : "\(directory)/\(name)"
            var isDirectory = entry.pointee.d_type == DT_DIR
            if entry.pointee.d_type == DT_UNKNOWN || entry.pointee.d_type == DT_LNK {
                isDirectory = FileIO.isDirectory(path)
            }
            if isDirectory {
                if name.hasPrefix(".") || excludedDirectories.contains(path) || excludedDirectories.contains(name) { continue }
                subdirectories.append(path)
            } else if isInput(name) {
                found[path] = DiscoveredInput(path: path, outputRelativePath: Self.outputPath(for: path))
            }
        }
        for subdirectory in subdirectories { try walk(subdirectory, into: &found) }
    }

    func isInput(_ name: String) -> Bool {
        if skippedPrefixes.contains(where: name.hasPrefix) { return false }
        guard let dot = name.lastIndex(of: ".") else { return false }
        return extensions.contains(name[name.index(after: dot)...].lowercased())
    }

    /// Outputs mirror the input's path relative to the working directory;
    /// absolute or `..` paths keep only their components below the root.
    static func outputPath(for path: String) -> String {
        path.split(separator: "/").filter { $0 != ".." && $0 != "." }.joined(separator: "/")
    }

    public static func normalize(_ path: String) -> String {
        var p = path
        while p.count > 1 && p.hasSuffix("/") { p.removeLast() }
        while p.hasPrefix("./") && p.count > 2 { p.removeFirst(2) }
        return p
    }
}
