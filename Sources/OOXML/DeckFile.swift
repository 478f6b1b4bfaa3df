import AltbuildSupport
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A deck file open for reading, kept open while the `Deck` (and its archive)
/// lives, so that what is hashed, walked and copied is one file, even if the
/// path is renamed or removed meanwhile.
///
/// Read with `pread`, a range at a time, never whole. A class because it owns
/// the descriptor; nothing else closes it.
final class DeckFile {
    /// The path as the caller named it, for messages.
    let path: String
    let descriptor: Int32
    /// The size when the file was opened: all that is ever read of it.
    let size: Int
    private let identity: FileIdentity
    /// What `fstat` said when it was opened, before anything was read.
    let status: FileStatus?

    /// Opens `path`, refusing folders and files over `limit` bytes with the
    /// errors `FileIO.read` gives.
    init(path: String, limit: Int) throws {
        (descriptor, size) = try FileIO.openForReading(path, limit: limit)
        self.path = path
        do {
            identity = try FileIdentity(descriptor, path: path)
            status = FileStatus(descriptor: descriptor)
        } catch {
            close(descriptor)
            throw error
        }
    }

    deinit { close(descriptor) }

    /// The bytes in `range`, which lies within `0..<size`.
    func read(_ range: Range<Int>) throws -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: range.count)
        let done = try bytes.withUnsafeMutableBytes { try FileIO.readFully(descriptor, into: $0, at: range.lowerBound, path: path) }
        guard done == range.count else { throw changed() }
        return bytes
    }

    /// The SHA-256 of the whole file, streamed.
    func digest() throws -> SHA256Digest {
        try SHA256.hash(descriptor: descriptor, count: size, path: path)
    }

    /// Throws `E_INPUT_CHANGED` if the file was written to since it was opened.
    ///
    /// A file read in place, unlike a copy in memory, can change under the
    /// reader. Its size and modification time stand for its bytes, as in
    /// git's index (see `FileIdentity`); call this after the last read, so
    /// nothing built from a changing file is kept.
    func checkUnchanged() throws {
        guard try FileIdentity(descriptor, path: path) == identity else { throw changed() }
    }

    /// Copies the file to `output` (a temp file renamed into place, fsynced
    /// when `durable`), a MiB at a time, then checks it did not change meanwhile.
    func copy(to output: String, durable: Bool) throws {
        try FileIO.writeAtomically(to: output, durable: durable) { target in
            let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 16)
            defer { buffer.deallocate() }
            var offset = 0
            while offset < size {
                let chunk = UnsafeMutableRawBufferPointer(rebasing: buffer[..<min(buffer.count, size - offset)])
                guard try FileIO.readFully(descriptor, into: chunk, at: offset, path: path) == chunk.count else { throw changed() }
                try FileIO.writeAll(target, UnsafeRawBufferPointer(chunk), path: output)
                offset += chunk.count
            }
            try checkUnchanged()
        }
    }

    private func changed() -> AltbuildError {
        AltbuildError(.inputChanged, "the deck changed while it was being read; nothing was written or cached, so it will be built again next run", path: path)
    }
}

/// What stands for a file's bytes between two looks at it: its size and
/// modification time, which every write moves. Not its change time, which
/// moves when the path is renamed or removed too: the open file is still the
/// deck then.
///
/// Like git's index, this cannot see a write that keeps the size and lands
/// within the same tick of the file system's clock as the first look; only
/// hashing again could, at the price of reading the deck again.
private struct FileIdentity: Equatable {
    let size: Int64
    let seconds: Int
    let nanoseconds: Int

    init(_ descriptor: Int32, path: String) throws {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw AltbuildError(.io, "cannot stat: \(FileIO.errnoText())", path: path) }
        size = Int64(info.st_size)
        seconds = Int(info.st_mtim.tv_sec)
        nanoseconds = Int(info.st_mtim.tv_nsec)
    }
}
