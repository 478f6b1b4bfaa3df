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
    /// Further files the target depends on, declared by the glue (a review
    /// file beside a deck, say): each is stat-cached and hashed like the
    /// input, enters the key, and a change to any of them rebuilds the target
    /// and is named by `explain`. A declared file that does not exist is a
    /// state too: its appearing is a change.
    public var declaredInputs: [String] = []

    public init(path: String, outputRelativePath: String, declaredInputs: [String] = []) {
        self.path = path
        self.outputRelativePath = outputRelativePath
        self.declaredInputs = declaredInputs
    }
}

/// Finds build inputs under the given paths, in a deterministic order.
///
/// Generic on purpose: the caller says which file extensions are inputs and
/// which names to skip; discovery knows nothing about what the files are.
public struct InputDiscovery: Sendable {
    public let extensions: Set<String>
    /// Name prefixes to skip, such as PowerPoint's `~$` owner files.
    public var skippedPrefixes: [String]
    /// Folders never descended into (the output folder, `.altbuild`, `.git`).
    public var excludedDirectories: Set<String>

    /// The extensions, lowercased, as bytes.
    private let extensionBytes: [[UInt8]]

    public init(extensions: Set<String>, skippedPrefixes: [String], excludedDirectories: Set<String>) {
        self.extensions = extensions
        extensionBytes = extensions.map { Array($0.lowercased().utf8) }
        self.skippedPrefixes = skippedPrefixes
        self.excludedDirectories = excludedDirectories
    }

    /// Inputs under `roots`, sorted by path, each once. A root that is a file
    /// is taken as it is (even with another extension, so that the user gets
    /// an error for it rather than silence); a missing root is an error.
    public func discover(_ roots: [String]) throws -> [DiscoveredInput] {
        // Paths are collected as bytes: sorting and comparing bytes is several
        // times cheaper than String's Unicode-aware comparison, and a no-op
        // build over thousands of inputs is mostly this.
        var found: [[UInt8]] = []
        for root in roots {
            let clean = Self.normalize(root)
            var info = stat()
            guard stat(clean, &info) == 0 else {
                throw AltbuildError(.io, "no such file or folder", path: root)
            }
            switch info.st_mode & S_IFMT {
            case S_IFDIR: try walk(Array(clean.utf8), into: &found)
            case S_IFREG: found.append(Array(clean.utf8))
            default: throw AltbuildError(.io, "not a regular file or folder (a pipe, socket or device is never an input)", path: root)
            }
        }
        // Byte order, like `LC_ALL=C sort`: the same on every machine.
        found.sort { a, b in
            let common = min(a.count, b.count)
            let order: Int32 = common == 0 ? 0 : a.withUnsafeBufferPointer { pa in
                b.withUnsafeBufferPointer { pb in
                    guard let x = pa.baseAddress, let y = pb.baseAddress else { return Int32(0) }
                    return memcmp(x, y, common)
                }
            }
            return order != 0 ? order < 0 : a.count < b.count
        }
        var result: [DiscoveredInput] = []
        result.reserveCapacity(found.count)
        var previous: [UInt8]?
        for bytes in found where bytes != previous {
            let path = String(decoding: bytes, as: UTF8.self)
            result.append(DiscoveredInput(path: path, outputRelativePath: Self.isPlainRelative(bytes) ? path : Self.outputPath(for: path)))
            previous = bytes
        }
        try Self.checkDistinctOutputs(result)
        return result
    }

    /// Two inputs that would write one output (`../a/x.in` and `a/x.in`)
    /// are an error, as two rules for one target are in make: one would
    /// silently overwrite the other.
    static func checkDistinctOutputs(_ inputs: [DiscoveredInput]) throws {
        guard inputs.contains(where: { $0.outputRelativePath != $0.path }) else { return }
        var owners: [String: String] = [:]
        for input in inputs {
            if let other = owners.updateValue(input.path, forKey: input.outputRelativePath) {
                throw AltbuildError(.writeFailed, "\(other) and \(input.path) would both be written to \(input.outputRelativePath) in the output folder; build them from separate folders or with different --out-dir")
            }
        }
    }

    private func walk(_ directory: [UInt8], into found: inout [[UInt8]]) throws {
        let directoryPath = String(decoding: directory, as: UTF8.self)
        guard let handle = opendir(directoryPath) else {
            throw AltbuildError(.io, "cannot list folder: \(FileIO.errnoText())", path: directoryPath)
        }
        defer { closedir(handle) }
        var subdirectories: [[UInt8]] = []
        let prefix: [UInt8] = directory == [UInt8(ascii: ".")] ? [] : directory + [UInt8(ascii: "/")]
        while let entry = readdir(handle) {
            var path = prefix
            let nameStart = path.count
            withUnsafeBytes(of: entry.pointee.d_name) { raw in
                path.append(contentsOf: raw.prefix { $0 != 0 })
            }
            // Hidden entries (".", "..", ".git", ".altbuild") are never inputs.
            if path.count == nameStart || path[nameStart] == UInt8(ascii: ".") { continue }
            switch Self.kind(of: path, type: entry.pointee.d_type) {
            case .folder:
                let pathString = String(decoding: path, as: UTF8.self)
                let name = String(decoding: path[nameStart...], as: UTF8.self)
                if isExcluded(folder: pathString, name: name) { continue }
                subdirectories.append(path)
            case .file where isInput(path[nameStart...]):
                found.append(path)
            case .file, .linkedFolder, .other:
                continue
            }
        }
        for subdirectory in subdirectories { try walk(subdirectory, into: &found) }
    }

    enum EntryKind { case folder, file, linkedFolder, other }

    /// What a folder entry is, for the walk. Symbolic links to files are
    /// followed (the input is read through the link); links to folders are
    /// not, like `find` and git: a link can point back up the tree, and one
    /// `a/loop -> ..` would otherwise repeat the project 40 levels deep.
    /// Pipes, sockets and devices are never inputs: reading a pipe would hang.
    static func kind(of path: [UInt8], type: UInt8) -> EntryKind {
        switch Int32(type) {
        case Int32(DT_DIR): return .folder
        case Int32(DT_REG): return .file
        case Int32(DT_LNK), Int32(DT_UNKNOWN):
            var info = stat()
            let pathString = String(decoding: path, as: UTF8.self)
            let isLink = Int32(type) == Int32(DT_LNK)
            guard (isLink ? stat(pathString, &info) : lstat(pathString, &info)) == 0 else { return .other }
            switch info.st_mode & S_IFMT {
            case S_IFDIR: return isLink ? .linkedFolder : .folder
            case S_IFREG: return .file
            case S_IFLNK: return kind(of: path, type: UInt8(DT_LNK))
            default: return .other
            }
        default:
            return .other
        }
    }

    /// A path that is already relative and clean (no leading `/` or `.`, no
    /// `/.` inside) mirrors into the output folder as it is.
    static func isPlainRelative(_ bytes: [UInt8]) -> Bool {
        guard let first = bytes.first, first != UInt8(ascii: "/"), first != UInt8(ascii: ".") else { return false }
        var previous: UInt8 = 0
        for byte in bytes {
            if previous == UInt8(ascii: "/") && byte == UInt8(ascii: ".") { return false }
            previous = byte
        }
        return true
    }

    /// Whether the walk leaves out the folder at `path` (named `name`): one of
    /// `excludedDirectories`, by path or by name. Hidden folders are left out
    /// before this is asked. Watching for changes asks the same.
    public func isExcluded(folder path: String, name: String) -> Bool {
        excludedDirectories.contains(path) || excludedDirectories.contains(name)
    }

    /// Whether a file named `name` (no folder) is an input: not hidden, not
    /// a skipped prefix, one of the extensions.
    public func isInput(name: String) -> Bool {
        !name.hasPrefix(".") && isInput(ArraySlice(name.utf8))
    }

    /// Matches the extension byte-wise and case-insensitively.
    func isInput(_ name: ArraySlice<UInt8>) -> Bool {
        if skippedPrefixes.contains(where: { name.starts(with: $0.utf8) }) { return false }
        guard let dot = name.lastIndex(of: UInt8(ascii: ".")) else { return false }
        let ext = name[(dot + 1)...]
        return extensionBytes.contains { candidate in
            candidate.count == ext.count
                && zip(candidate, ext).allSatisfy { a, b in a == (b >= 65 && b <= 90 ? b + 32 : b) }
        }
    }

    /// Outputs mirror the input's path relative to the working directory;
    /// absolute or `..` paths keep only their components below the root, so
    /// no output path can climb out of the output folder.
    public static func outputPath(for path: String) -> String {
        if !path.hasPrefix("/") && !path.hasPrefix(".") && !path.contains("/.") { return path }
        return path.split(separator: "/").filter { $0 != ".." && $0 != "." }.joined(separator: "/")
    }

    /// A path as typed, tidied by its text alone: no trailing or doubled
    /// slashes, no `.` components, and `x/..` pairs collapsed, so that
    /// `../in/../in` and `../in` name one input and one output.
    public static func normalize(_ path: String) -> String {
        let absolute = path.hasPrefix("/")
        var kept: [Substring] = []
        for component in path.split(separator: "/") where component != "." {
            if component == "..", let last = kept.last, last != ".." {
                kept.removeLast()
            } else if !(component == ".." && absolute && kept.isEmpty) {
                kept.append(component)
            }
        }
        let joined = kept.joined(separator: "/")
        return absolute ? "/" + joined : (joined.isEmpty ? "." : joined)
    }
}
