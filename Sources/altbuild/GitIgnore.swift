import AltbuildSupport
import ProjectSettings

/// The little `init` needs of git: is this folder in a work tree, and a line
/// added to a `.gitignore` once.
enum GitIgnore {
    /// Whether the current folder is in a git work tree: it or a folder
    /// above it holds `.git` (a folder, or a file for worktrees and submodules).
    static func isInsideWorkTree() -> Bool {
        guard let folder = FileIO.currentDirectory() else { return false }
        return FolderSearch.upward(from: folder, containing: ".git") != nil
    }

    /// Appends `line` to the file at `path` unless a line already says it;
    /// returns whether it was added.
    static func add(_ line: String, to path: String) throws -> Bool {
        let existing = FileIO.exists(path) ? String(decoding: try FileIO.read(path, limit: 1 << 20), as: UTF8.self) : ""
        let lines = existing.split(whereSeparator: \.isNewline).map { String($0).trimmingWhitespace() }
        let bare = line.hasSuffix("/") ? String(line.dropLast()) : line
        if lines.contains(where: { [line, bare, "/" + line, "/" + bare].contains($0) }) { return false }
        let separator = existing.isEmpty || existing.hasSuffix("\n") ? "" : "\n"
        try FileIO.writeAtomically(Array((existing + separator + line + "\n").utf8), to: path)
        return true
    }
}
