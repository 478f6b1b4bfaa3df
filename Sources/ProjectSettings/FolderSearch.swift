import AltbuildSupport

/// Looking up the folder tree, as git does for `.git`.
public enum FolderSearch {
    /// The first of `start` (an absolute path) and the folders above it that
    /// holds an entry named `name`; nil if none does.
    public static func upward(from start: String, containing name: String) -> String? {
        var folder = start
        while true {
            if FileIO.exists(folder == "/" ? "/" + name : folder + "/" + name) { return folder }
            guard folder != "/", let slash = folder.lastIndex(of: "/") else { return nil }
            folder = slash == folder.startIndex ? "/" : String(folder[..<slash])
        }
    }
}
