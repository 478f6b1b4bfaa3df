#if os(Linux)
import AltbuildSupport
import Glibc
public import Logging
import Synchronization

/// Sees changes with Linux's inotify: a watch on every folder a build would
/// walk, added as folders appear, so an idle watch costs nothing. Only
/// events that can change what a build reads count: an input written and
/// closed, moved in or out, created or deleted, and folders made, moved or
/// removed below a root. Not `IN_MODIFY`: a deck is read once whoever writes
/// it has closed it, never half-written. If the kernel's queue overflows,
/// every folder is watched again and that counts as a change.
public final class InotifyWatcher: ChangeWatcher {
    private let fd: Int32
    private let scope: WatchScope
    private let wakePipe: WakePipe
    private let logger: Logger
    private let watches = Mutex<[Int32: WatchedFolder]>([:])

    /// A watched folder: its path, and whether its tree is watched (a root
    /// folder or below one) or only the single inputs named in it.
    struct WatchedFolder {
        var path: String
        var inTree: Bool
    }

    private static let folderEvents = UInt32(IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_CLOSE_WRITE
                                             | IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR)

    /// Watches every folder of `scope` now. Throws when inotify cannot be
    /// used at all or a root folder cannot be watched (the caller may poll
    /// instead); a folder below a root that cannot be watched is a warning.
    public init(scope: WatchScope, logger: Logger) throws {
        let fd = inotify_init1(Int32(IN_CLOEXEC | IN_NONBLOCK))
        guard fd >= 0 else { throw AltbuildError(.io, "cannot use inotify: \(FileIO.errnoText())") }
        self.fd = fd
        self.scope = scope
        self.logger = logger
        wakePipe = try WakePipe()
        for folder in scope.folders { try watchTree(folder) }
        for file in scope.files { try add(FileIO.parentDirectory(of: file), inTree: false) }
    }

    deinit { close(fd) }

    public var summary: String {
        let count = watches.withLock { $0.count }
        return "inotify on \(count) folder\(count == 1 ? "" : "s")"
    }

    public func wake() {
        wakePipe.wake()
    }

    public func wait(timeout: Double?) -> ChangeWait {
        wakePipe.waitForChange(timeout: timeout, look: readEvents) { wakePipe.wait(for: fd, timeout: $0) }
    }

    // MARK: - Watches

    /// Watches the root `folder` and every folder below it that discovery would walk.
    private func watchTree(_ folder: String) throws {
        try add(folder, inTree: true)
        watchFolders(below: folder)
    }

    /// Watches the folders below `folder`; one that cannot be watched is a warning.
    private func watchFolders(below folder: String) {
        for name in FileIO.list(folder) {
            let path = WatchScope.child(name, of: folder)
            var info = stat()
            // Links to folders are not walked by discovery, so not watched either.
            guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR, scope.watches(folder: path, name: name) else { continue }
            watchFolder(path)
        }
    }

    /// Watches a folder met below a root, and its tree.
    private func watchFolder(_ path: String) {
        do {
            try add(path, inTree: true)
        } catch {
            logger.warning("\(error); changes in it are not seen", metadata: ["event": "watch"])
            return
        }
        watchFolders(below: path)
    }

    private func add(_ folder: String, inTree: Bool) throws {
        let descriptor = inotify_add_watch(fd, folder, Self.folderEvents)
        guard descriptor >= 0 else {
            let hint = errno == ENOSPC ? " (raise fs.inotify.max_user_watches, or use --poll)" : ""
            throw AltbuildError(.io, "cannot watch the folder: \(FileIO.errnoText())\(hint)", path: folder)
        }
        watches.withLock { watches in
            let known = watches[descriptor]?.inTree ?? false
            watches[descriptor] = WatchedFolder(path: folder, inTree: inTree || known)
        }
    }

    // MARK: - Events

    /// Reads every queued event; true if one concerns the inputs.
    private func readEvents() -> Bool {
        var changed = false
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count <= 0 { return changed }
            var offset = 0
            while offset + 16 <= count {
                let event = InotifyEvent(buffer, at: offset)
                if handle(event) { changed = true }
                offset += 16 + event.nameLength
            }
        }
    }

    /// Updates the watches for one event; true if it concerns the inputs.
    private func handle(_ event: InotifyEvent) -> Bool {
        if event.mask & UInt32(IN_Q_OVERFLOW) != 0 {
            logger.info("inotify's queue overflowed: watching every folder again", metadata: ["event": "watch"])
            for folder in scope.folders where FileIO.isDirectory(folder) { watchFolder(folder) }
            return true
        }
        if event.mask & UInt32(IN_IGNORED) != 0 {
            _ = watches.withLock { $0.removeValue(forKey: event.descriptor) }
            return false
        }
        guard let folder = watches.withLock({ $0[event.descriptor] }) else { return false }
        if event.mask & UInt32(IN_DELETE_SELF | IN_MOVE_SELF) != 0 { return folder.inTree }
        let path = WatchScope.child(event.name, of: folder.path)
        guard event.mask & UInt32(IN_ISDIR) != 0 else {
            return scope.concerns(file: path, name: event.name, inTree: folder.inTree)
        }
        guard folder.inTree, scope.watches(folder: path, name: event.name) else { return false }
        if event.mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 { watchFolder(path) }
        return true
    }
}

/// One `struct inotify_event` in the bytes `read` returned: a 16-byte
/// header (descriptor, mask, cookie, name length) and a NUL-padded name.
struct InotifyEvent {
    var descriptor: Int32
    var mask: UInt32
    var nameLength: Int
    var name: String

    init(_ buffer: [UInt8], at offset: Int) {
        func field(_ index: Int) -> UInt32 {
            buffer.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset + index * 4, as: UInt32.self) }
        }
        descriptor = Int32(bitPattern: field(0))
        mask = field(1)
        nameLength = Int(field(3))
        let start = min(offset + 16, buffer.count), end = min(start + nameLength, buffer.count)
        name = String(decoding: buffer[start..<end].prefix { $0 != 0 }, as: UTF8.self)
    }
}
#endif
