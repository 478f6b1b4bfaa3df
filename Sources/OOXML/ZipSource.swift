import AltbuildSupport
internal import CZip
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The libzip sources an archive is opened from: a copy of the bytes in
/// memory, or the deck file itself, read lazily. Either way the source
/// starts where the archive's offsets count from (`ZipEndRecord.base`).
enum ZipSource {
    /// A source owning a malloc'd copy of `bytes`, which libzip frees with the source.
    static func buffer(_ bytes: ArraySlice<UInt8>) throws -> OpaquePointer {
        guard let data = malloc(max(bytes.count, 1)) else { throw AltbuildError(.internalError, "out of memory") }
        bytes.withUnsafeBytes { raw in
            if let base = raw.baseAddress { data.copyMemory(from: base, byteCount: raw.count) }
        }
        return try make { error in
            let source = zip_source_buffer_create(data, zip_uint64_t(bytes.count), 1, error)
            if source == nil { free(data) }
            return source
        }
    }

    /// How much a stream on a deck file buffers.
    static let streamBufferBytes = 1 << 20

    /// A source reading `range` of `file` through a stream of its own on a
    /// duplicate of the descriptor, which libzip closes with the source. The
    /// duplicate shares the open file, so libzip reads the very file hashed
    /// and walked, a buffer at a time, and never the whole of it.
    ///
    /// The stream reads through `buffer`, which must outlive the source:
    /// libzip reads 8 KiB at a time and seeks before each read, and glibc
    /// seeks within a buffer without a syscall, so a buffer of a MiB makes a
    /// large entry's raw copy one read per MiB instead of one per 4 KiB.
    static func file(_ file: DeckFile, _ range: Range<Int>, buffer: UnsafeMutableRawBufferPointer) throws -> OpaquePointer {
        let copy = fcntl(file.descriptor, F_DUPFD_CLOEXEC, 0)
        guard copy >= 0 else { throw AltbuildError(.io, "cannot duplicate the descriptor: \(FileIO.errnoText())", path: file.path) }
        guard let stream = fdopen(copy, "rb") else {
            let error = AltbuildError(.io, "cannot open a stream on the deck: \(FileIO.errnoText())", path: file.path)
            close(copy)
            throw error
        }
        setvbuf(stream, buffer.baseAddress?.bindMemory(to: CChar.self, capacity: buffer.count), _IOFBF, buffer.count)
        return try make { error in
            let source = zip_source_filep_create(stream, zip_uint64_t(range.lowerBound), zip_int64_t(range.count), error)
            if source == nil { fclose(stream) }
            return source
        }
    }

    /// The source `create` makes, or libzip's reason it could not.
    private static func make(_ create: (UnsafeMutablePointer<zip_error_t>) -> OpaquePointer?) throws -> OpaquePointer {
        var error = zip_error_t()
        zip_error_init(&error)
        defer { zip_error_fini(&error) }
        guard let source = create(&error) else {
            throw AltbuildError(.internalError, "libzip could not create a source: \(zipErrorText(&error))")
        }
        return source
    }
}
