import AltbuildSupport
internal import CZip
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A libzip source that a new archive is written into: an open, empty file,
/// written a MiB at a time.
///
/// libzip writes its output 8 KiB at a time and, through a stream of its own,
/// a syscall per 4 KiB: for a deck that is mostly one large media entry
/// copied raw, those syscalls cost about as much as the copy. Here they go to
/// a buffer of a MiB, written out with `pwrite` at the offset libzip asked
/// for (it seeks back to complete local headers). The file is the caller's
/// (see `FileIO.writeAtomically`); a class because it owns the buffer, and
/// libzip keeps it alive from `source()` until it frees the source.
final class ZipFileTarget {
    private let descriptor: Int32
    /// A buffer of `bufferBytes`.
    private let buffer: UnsafeMutableRawPointer
    /// Bytes waiting in `buffer`, which belong at `offset` in the file.
    private var buffered = 0
    private var offset = 0
    /// Where the file ends once `buffer` is written: what SEEK_END counts from.
    private var end = 0
    private var error = zip_error_t()

    static let bufferBytes = 1 << 20

    private init(descriptor: Int32) {
        self.descriptor = descriptor
        buffer = UnsafeMutableRawPointer.allocate(byteCount: Self.bufferBytes, alignment: 16)
        zip_error_init(&error)
    }

    deinit {
        buffer.deallocate()
        zip_error_fini(&error)
    }

    /// A source writing into `descriptor` (an empty file; `path` names it in
    /// messages), for `zip_open_from_source(_, ZIP_TRUNCATE, _)`.
    static func source(writingTo descriptor: Int32, path: String) throws -> OpaquePointer {
        let target = Unmanaged.passRetained(ZipFileTarget(descriptor: descriptor))
        var error = zip_error_t()
        zip_error_init(&error)
        defer { zip_error_fini(&error) }
        guard let source = zip_source_function_create(zipFileTargetCallback, target.toOpaque(), &error) else {
            target.release()
            throw AltbuildError(.internalError, "libzip could not create a source: \(zipErrorText(&error))", path: path)
        }
        return source
    }

    /// Answers one command from libzip: -1 (with `error` set) for a failure.
    fileprivate func handle(_ command: zip_source_cmd_t, _ data: UnsafeMutableRawPointer?, _ length: zip_uint64_t) -> zip_int64_t {
        switch command {
        case ZIP_SOURCE_WRITE: return write(data, Int(length))
        case ZIP_SOURCE_SEEK_WRITE: return seek(data, Int(length))
        case ZIP_SOURCE_TELL_WRITE: return zip_int64_t(offset + buffered)
        case ZIP_SOURCE_COMMIT_WRITE: return flush() ? 0 : -1
        case ZIP_SOURCE_STAT: return stat(data, Int(length))
        case ZIP_SOURCE_ERROR: return data.map { zip_error_to_data(&error, $0, length) } ?? -1
        case ZIP_SOURCE_SUPPORTS: return Self.supported
        case ZIP_SOURCE_REMOVE: return remove()
        // Nothing to read (the archive is new), to begin or to undo: the caller owns the file.
        case ZIP_SOURCE_OPEN, ZIP_SOURCE_READ, ZIP_SOURCE_CLOSE, ZIP_SOURCE_SEEK, ZIP_SOURCE_TELL,
             ZIP_SOURCE_BEGIN_WRITE, ZIP_SOURCE_ROLLBACK_WRITE:
            return 0
        default: return failed(ZIP_ER_OPNOTSUPP, system: 0)
        }
    }

    /// What libzip needs of a source it writes an archive into.
    private static let supported: zip_int64_t = [
        ZIP_SOURCE_OPEN, ZIP_SOURCE_READ, ZIP_SOURCE_CLOSE, ZIP_SOURCE_STAT, ZIP_SOURCE_ERROR, ZIP_SOURCE_FREE,
        ZIP_SOURCE_SEEK, ZIP_SOURCE_TELL, ZIP_SOURCE_BEGIN_WRITE, ZIP_SOURCE_COMMIT_WRITE, ZIP_SOURCE_ROLLBACK_WRITE,
        ZIP_SOURCE_WRITE, ZIP_SOURCE_SEEK_WRITE, ZIP_SOURCE_TELL_WRITE, ZIP_SOURCE_SUPPORTS, ZIP_SOURCE_REMOVE,
    ].reduce(0) { $0 | zip_int64_t(1) << zip_int64_t($1.rawValue) }

    private func write(_ data: UnsafeMutableRawPointer?, _ length: Int) -> zip_int64_t {
        guard let data else { return length == 0 ? 0 : failed(ZIP_ER_INVAL, system: 0) }
        var done = 0
        while done < length {
            if buffered == Self.bufferBytes, !flush() { return -1 }
            let n = min(length - done, Self.bufferBytes - buffered)
            (buffer + buffered).copyMemory(from: data + done, byteCount: n)
            buffered += n
            done += n
        }
        return zip_int64_t(length)
    }

    /// Writes out the buffer at `offset`.
    private func flush() -> Bool {
        guard buffered > 0 else { return true }
        var done = 0
        while done < buffered {
            let n = pwrite(descriptor, buffer + done, buffered - done, off_t(offset + done))
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else {
                _ = failed(ZIP_ER_WRITE)
                return false
            }
            done += n
        }
        offset += buffered
        end = max(end, offset)
        buffered = 0
        return true
    }

    private func seek(_ data: UnsafeMutableRawPointer?, _ length: Int) -> zip_int64_t {
        guard let data, length >= MemoryLayout<zip_source_args_seek_t>.size else { return failed(ZIP_ER_INVAL, system: 0) }
        guard flush() else { return -1 }
        let args = data.load(as: zip_source_args_seek_t.self)
        let from = switch args.whence {
        case SEEK_SET: 0
        case SEEK_CUR: offset
        case SEEK_END: end
        default: -1
        }
        let (target, overflow) = from.addingReportingOverflow(Int(args.offset))
        guard from >= 0, !overflow, target >= 0 else { return failed(ZIP_ER_INVAL, system: 0) }
        offset = target
        return 0
    }

    /// What libzip asks for when the archive has no entries: no file, which
    /// for a file it does not own means an empty one.
    private func remove() -> zip_int64_t {
        (buffered, offset, end) = (0, 0, 0)
        return ftruncate(descriptor, 0) == 0 ? 0 : failed(ZIP_ER_WRITE)
    }

    /// An empty file: libzip then starts a new archive rather than reading one.
    private func stat(_ data: UnsafeMutableRawPointer?, _ length: Int) -> zip_int64_t {
        guard let data, length >= MemoryLayout<zip_stat_t>.size else { return failed(ZIP_ER_INVAL, system: 0) }
        let st = data.assumingMemoryBound(to: zip_stat_t.self)
        zip_stat_init(st)
        st.pointee.size = 0
        st.pointee.valid |= zip_uint64_t(ZIP_STAT_SIZE)
        return zip_int64_t(MemoryLayout<zip_stat_t>.size)
    }

    /// Records `code` (with the system error, `errno` unless given) for libzip's next ZIP_SOURCE_ERROR.
    private func failed(_ code: Int32, system: Int32 = errno) -> zip_int64_t {
        zip_error_set(&error, code, system)
        return -1
    }
}

/// The C callback libzip calls with the `ZipFileTarget` it was given; the
/// target is released when libzip frees the source.
private func zipFileTargetCallback(_ userdata: UnsafeMutableRawPointer?, _ data: UnsafeMutableRawPointer?,
                                   _ length: zip_uint64_t, _ command: zip_source_cmd_t) -> zip_int64_t {
    guard let userdata else { return -1 }
    let target = Unmanaged<ZipFileTarget>.fromOpaque(userdata)
    if command == ZIP_SOURCE_FREE {
        target.release()
        return 0
    }
    return target.takeUnretainedValue().handle(command, data, length)
}
