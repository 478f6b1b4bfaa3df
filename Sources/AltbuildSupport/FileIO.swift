#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Small POSIX file helpers. altbuild avoids Foundation's file APIs on hot
/// paths because a no-op build must cost little more than a few `stat` calls.
public enum FileIO {
    /// The current folder's absolute path, or nil if it cannot be known
    /// (removed since, or too deep).
    public static func currentDirectory() -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        guard getcwd(&buffer, buffer.count) != nil else { return nil }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Reads a whole file, refusing files larger than `limit` bytes.
    public static func read(_ path: String, limit: Int = Int.max) throws -> [UInt8] {
        guard let bytes = try readIfPresent(path, limit: limit) else {
            throw AltbuildError(.io, "cannot open: \(String(cString: strerror(ENOENT)))", path: path)
        }
        return bytes
    }

    /// The same, or nil when there is no such file: one `open` instead of a
    /// `stat` and then an `open`, for files that are often absent.
    public static func readIfPresent(_ path: String, limit: Int = Int.max) throws -> [UInt8]? {
        guard let (fd, size) = try openIfPresent(path, limit: limit) else { return nil }
        defer { close(fd) }
        var bytes = [UInt8](repeating: 0, count: size)
        let done = try bytes.withUnsafeMutableBytes { raw in
            try readFully(fd, into: raw, at: nil, path: path)
        }
        if done < size { bytes.removeLast(size - done) }
        return bytes
    }

    /// Opens a file for reading, refusing folders and files larger than
    /// `limit` bytes, with the errors `read` gives. The caller closes the
    /// descriptor; `size` is the file's size when it was opened.
    public static func openForReading(_ path: String, limit: Int = Int.max) throws -> (descriptor: Int32, size: Int) {
        guard let opened = try openIfPresent(path, limit: limit) else {
            throw AltbuildError(.io, "cannot open: \(String(cString: strerror(ENOENT)))", path: path)
        }
        return opened
    }

    private static func openIfPresent(_ path: String, limit: Int) throws -> (descriptor: Int32, size: Int)? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 && errno == ENOENT { return nil }
        guard fd >= 0 else { throw AltbuildError(.io, "cannot open: \(errnoText())", path: path) }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            let error = AltbuildError(.io, "cannot stat: \(errnoText())", path: path)
            close(fd)
            throw error
        }
        let size = Int(info.st_size)
        let refusal: AltbuildError? = if (info.st_mode & S_IFMT) == S_IFDIR {
            AltbuildError(.io, "is a directory", path: path)
        } else if size > limit {
            AltbuildError(.deckTooLarge, "file is \(size) bytes, over the limit of \(limit)", path: path)
        } else {
            nil
        }
        if let refusal {
            close(fd)
            throw refusal
        }
        return (fd, size)
    }

    /// Reads from `fd` until `buffer` is full or the file ends, and says how
    /// many bytes it read: at `offset` with `pread` (the descriptor's position
    /// untouched), or with `read` from its position when `offset` is nil (which
    /// works on any file, a pipe too). A failure throws, naming `path`.
    public static func readFully(_ fd: Int32, into buffer: UnsafeMutableRawBufferPointer, at offset: Int?, path: String) throws -> Int {
        guard let base = buffer.baseAddress else { return 0 }
        var done = 0
        while done < buffer.count {
            let n = if let offset {
                pread(fd, base + done, buffer.count - done, off_t(offset + done))
            } else {
                Glibc.read(fd, base + done, buffer.count - done)
            }
            if n < 0 {
                if errno == EINTR { continue }
                throw AltbuildError(.io, "read failed: \(errnoText())", path: path)
            }
            if n == 0 { break }
            done += n
        }
        return done
    }

    /// How much of a write must reach the disk before `writeAtomically` returns.
    public enum Durability: Sendable {
        /// fsync of the file, rename, fsync of its folder: durable on return.
        case immediate
        /// Nothing is synced here: whoever records a reference to the file in
        /// durable state syncs its filesystem first, once for many files (the
        /// build does it once per finished deck), because one fsync per file
        /// and per folder is what made builds slow. For files a crash may
        /// tear or lose at the cost of a rebuild: cache objects and entries
        /// (verified when read), outputs in the output folder.
        case deferred
        /// The same, except that a file replacing another is fsynced before
        /// the rename, so a crash never loses both the old bytes and the new:
        /// for files a person owns, an in-place deck or a review file.
        case deferredKeepingOld
        /// Never synced: scratch files and bookkeeping that may be lost in a crash.
        case unsynced
    }

    /// Writes `bytes` so that `path` holds either the old content or the whole
    /// new content, never a torn mix: temp file in the same folder, fsync,
    /// rename, then fsync of the folder so the rename itself is durable.
    /// `durable: false` skips the fsyncs, for bookkeeping that may be lost in a crash.
    public static func writeAtomically(_ bytes: [UInt8], to path: String, durable: Bool = true) throws {
        try writeAtomically(bytes, to: path, durability: durable ? .immediate : .unsynced)
    }

    /// The same, with the fsyncs `durability` asks for (see `Durability`).
    public static func writeAtomically(_ bytes: [UInt8], to path: String, durability: Durability) throws {
        try writeAtomically(to: path, durability: durability) { fd in try writeAll(fd, bytes, path: path) }
    }

    /// The same, with `write` filling the temp file through its descriptor:
    /// for content too big to hold in memory, such as a copy of a deck.
    public static func writeAtomically(to path: String, durable: Bool = true, _ write: (Int32) throws -> Void) throws {
        try writeAtomically(to: path, durability: durable ? .immediate : .unsynced, write)
    }

    /// The same, with the fsyncs `durability` asks for.
    public static func writeAtomically(to path: String, durability: Durability, _ write: (Int32) throws -> Void) throws {
        let directory = parentDirectory(of: path)
        let (fd, tempPath) = try createTemporaryFile(in: directory, for: path)
        var renamed = false
        defer {
            if !renamed { unlink(tempPath) }
        }
        do {
            defer { close(fd) }
            try write(fd)
            let syncNow = durability == .immediate || (durability == .deferredKeepingOld && exists(path))
            guard !syncNow || fsync(fd) == 0 else { throw AltbuildError(.writeFailed, "fsync failed: \(errnoText())", path: path) }
            // mkstemp creates 0600; decks are ordinary documents.
            fchmod(fd, 0o644)
        }
        guard rename(tempPath, path) == 0 else {
            throw AltbuildError(.writeFailed, "rename into place failed: \(errnoText())", path: path)
        }
        renamed = true
        if durability == .immediate { syncDirectory(directory) }
    }

    /// A new temp file beside `path` and its name. The folder is assumed to
    /// exist and created only when it does not: most writes go to folders
    /// that exist (the store's fan-out folders are made once, ever), and
    /// trying first costs no `stat` or `mkdir` for them.
    private static func createTemporaryFile(in directory: String, for path: String) throws -> (fd: Int32, path: String) {
        let pattern = Array("\(directory)/.\(baseName(of: path)).altbuild-tmp-XXXXXX".utf8CString)
        var template = pattern
        // A failed mkstemp may have filled in the X's: each attempt starts from the pattern.
        func attempt() -> Int32 {
            template = pattern
            return template.withUnsafeMutableBufferPointer { buffer in buffer.baseAddress.map { mkstemp($0) } ?? -1 }
        }
        var fd = attempt()
        if fd < 0 && errno == ENOENT {
            try makeDirectories(directory)
            fd = attempt()
        }
        guard fd >= 0 else {
            throw AltbuildError(.writeFailed, "cannot create a temp file in \(directory): \(errnoText())", path: path)
        }
        return (fd, String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
    }

    /// Writes all of `text` to `fd`, a line of output or of a log; errors are
    /// ignored, since there is nowhere left to report them.
    public static func writeAll(_ fd: Int32, _ text: String) {
        var text = text
        text.withUTF8 { buffer in
            var done = 0
            while done < buffer.count, let base = buffer.baseAddress {
                let n = write(fd, base + done, buffer.count - done)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { break }
                done += n
            }
        }
    }

    /// Writes all of `bytes` to `fd`, retrying short writes; a failure throws, naming `path`.
    public static func writeAll(_ fd: Int32, _ bytes: [UInt8], path: String) throws {
        try bytes.withUnsafeBytes { try writeAll(fd, $0, path: path) }
    }

    /// The same, from a buffer.
    public static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer, path: String) throws {
        guard let base = bytes.baseAddress else { return }
        var done = 0
        while done < bytes.count {
            let n = write(fd, base + done, bytes.count - done)
            if n < 0 {
                if errno == EINTR { continue }
                throw AltbuildError(.writeFailed, "write failed: \(errnoText())", path: path)
            }
            done += n
        }
    }

    static func syncDirectory(_ directory: String) {
        let fd = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if fd >= 0 {
            fsync(fd)
            close(fd)
        }
    }

    /// Renames `source` to `target`, making `target`'s folder if it is
    /// missing; false when there is no `source` or it cannot be moved. One
    /// `rename` when there is nothing to move, so it is cheap to try on a miss.
    public static func move(_ source: String, to target: String) -> Bool {
        if rename(source, target) == 0 { return true }
        guard errno == ENOENT, exists(source) else { return false }
        // A folder that cannot be made leaves the file where it was: the caller's miss, never an error.
        try? makeDirectories(parentDirectory(of: target))
        return rename(source, target) == 0
    }

    /// `mkdir -p`.
    public static func makeDirectories(_ path: String) throws {
        if path.isEmpty || isDirectory(path) { return }
        let parent = parentDirectory(of: path)
        if parent != path { try makeDirectories(parent) }
        if mkdir(path, 0o755) != 0 && errno != EEXIST {
            throw AltbuildError(.writeFailed, "cannot create folder: \(errnoText())", path: path)
        }
    }

    public static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    public static func exists(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0
    }

    public static func parentDirectory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        if slash == path.startIndex { return "/" }
        return String(path[..<slash])
    }

    public static func baseName(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }

    /// Names in a folder (without `.` and `..`); empty if it cannot be read.
    public static func list(_ directory: String) -> [String] {
        guard let handle = opendir(directory) else { return [] }
        defer { closedir(handle) }
        var names: [String] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    public static func errnoText() -> String {
        String(cString: strerror(errno))
    }
}
