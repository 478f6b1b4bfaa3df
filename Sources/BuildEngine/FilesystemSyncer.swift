import AltbuildSupport
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Syncs whole filesystems with `syncfs`, one call per filesystem, instead
/// of one fsync per file and per folder: a deck's objects, action entries,
/// output, review file and any new fan-out folders become durable together.
/// A cold build of 50 small decks went from 600 fsyncs to 50 `syncfs` and
/// 50 fsyncs of the log (GROUPCOMMIT-RESULTS.md).
///
/// The price: `syncfs` also writes back other programs' unsaved data on the
/// same filesystem, so on a disk busy with other writers one call can take
/// longer than the fsyncs it replaces. A per-file fsync on ext4 commits the
/// shared journal too, so it is not free of those writers either.
///
/// Keeps one open folder per filesystem for the build's duration, so a
/// commit costs the `syncfs` calls and nothing else. A class because it owns
/// those descriptors.
public final class FilesystemSyncer: Syncer {
    private struct Open {
        var deviceOfDirectory: [String: UInt64] = [:]
        var descriptorOfDevice: [UInt64: Int32] = [:]
    }

    private let open = Mutex(Open())

    public init() {}

    deinit {
        open.withLock { state in state.descriptorOfDevice.values.forEach { close($0) } }
    }

    public func syncFilesystems(holding directories: [String]) throws {
        // One folder per filesystem, named in the error if its sync fails.
        var folderOf: [Int32: String] = [:]
        try open.withLock { state in
            for directory in directories { folderOf[try Self.descriptor(for: directory, in: &state)] = directory }
        }
        for (fd, directory) in folderOf.sorted(by: { $0.key < $1.key }) {
            guard Self.syncFilesystem(fd) == 0 else {
                throw AltbuildError(.writeFailed, "cannot make the build's writes durable: syncfs failed: \(FileIO.errnoText())",
                                    path: directory)
            }
        }
    }

    public func syncFile(_ fd: Int32, path: String) throws {
        guard fsync(fd) == 0 else { throw AltbuildError(.writeFailed, "fsync failed: \(FileIO.errnoText())", path: path) }
    }

    /// An open folder on the filesystem holding `directory`, opened the first
    /// time that filesystem is seen.
    private static func descriptor(for directory: String, in state: inout Open) throws -> Int32 {
        if let device = state.deviceOfDirectory[directory], let fd = state.descriptorOfDevice[device] { return fd }
        let fd = Glibc.open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        var info = stat()
        guard fd >= 0, fstat(fd, &info) == 0 else {
            let error = AltbuildError(.writeFailed, "cannot open the folder to make it durable: \(FileIO.errnoText())", path: directory)
            if fd >= 0 { close(fd) }
            throw error
        }
        let device = UInt64(info.st_dev)
        state.deviceOfDirectory[directory] = device
        if let known = state.descriptorOfDevice[device] {
            close(fd)
            return known
        }
        state.descriptorOfDevice[device] = fd
        return fd
    }

    /// glibc's `syncfs` is a GNU extension Swift's Glibc module does not
    /// import, so it is looked up once by name; where the C library has
    /// none, `sync` (every filesystem, never fails) stands in.
    private static func syncFilesystem(_ fd: Int32) -> Int32 {
        guard let syncfs = syncfsFunction else {
            sync()
            return 0
        }
        return syncfs(fd)
    }

    private typealias SyncFunction = @convention(c) (Int32) -> Int32

    private static let syncfsFunction: SyncFunction? = {
        guard let program = dlopen(nil, RTLD_NOW), let symbol = dlsym(program, "syncfs") else { return nil }
        return unsafeBitCast(symbol, to: SyncFunction.self)
    }()
}
