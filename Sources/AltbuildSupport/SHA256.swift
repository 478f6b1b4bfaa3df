internal import CCryptoLoader
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A SHA-256 digest, the identity of every input and output altbuild tracks.
///
/// Stored as four 64-bit words rather than an array: state loading creates
/// thousands of digests per build, and these need no allocation.
public struct SHA256Digest: Hashable, Sendable, Comparable, CustomStringConvertible, Codable {
    private var w0: UInt64, w1: UInt64, w2: UInt64, w3: UInt64

    public init(bytes: [UInt8]) {
        precondition(bytes.count == 32, "a SHA-256 digest has 32 bytes")
        func word(_ at: Int) -> UInt64 {
            var v: UInt64 = 0
            for i in at..<(at + 8) { v = v << 8 | UInt64(bytes[i]) }
            return v
        }
        (w0, w1, w2, w3) = (word(0), word(8), word(16), word(24))
    }

    public var bytes: [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(32)
        for w in [w0, w1, w2, w3] {
            for shift in stride(from: 56, through: 0, by: -8) { out.append(UInt8(truncatingIfNeeded: w >> UInt64(shift))) }
        }
        return out
    }

    /// Parses 64 lowercase or uppercase hex digits; nil for anything else.
    public init?(hex: String) {
        var hex = hex
        guard let parsed = hex.withUTF8({ SHA256Digest(hexPointer: $0) }) else { return nil }
        self = parsed
    }

    /// Parses 64 hex digits given as bytes (as read from a file); nil
    /// otherwise. A no-op build parses five per deck from the state log, so
    /// eight digits are decoded at a time (~320 instructions a digest, against
    /// ~950 a digit at a time).
    public init?(hexPointer utf8: UnsafeBufferPointer<UInt8>) {
        guard utf8.count == 64, let base = utf8.baseAddress else { return nil }
        var invalid: UInt64 = 0
        w0 = hexOctet(base, invalid: &invalid) << 32 | hexOctet(base + 8, invalid: &invalid)
        w1 = hexOctet(base + 16, invalid: &invalid) << 32 | hexOctet(base + 24, invalid: &invalid)
        w2 = hexOctet(base + 32, invalid: &invalid) << 32 | hexOctet(base + 40, invalid: &invalid)
        w3 = hexOctet(base + 48, invalid: &invalid) << 32 | hexOctet(base + 56, invalid: &invalid)
        guard invalid == 0 else { return nil }
    }

    public var hex: String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(64)
        for w in [w0, w1, w2, w3] {
            for shift in stride(from: 60, through: 0, by: -4) { out.append(digits[Int((w >> UInt64(shift)) & 0xF)]) }
        }
        return String(decoding: out, as: UTF8.self)
    }

    public var description: String { hex }

    /// Encoded as its hex string.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        guard let digest = SHA256Digest(hex: try container.decode(String.self)) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a SHA-256 hex digest")
        }
        self = digest
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(hex)
    }

    public static func < (a: SHA256Digest, b: SHA256Digest) -> Bool {
        (a.w0, a.w1, a.w2, a.w3) < (b.w0, b.w1, b.w2, b.w3)
    }
}

/// The value of the eight hex digits at `p`, each byte of a word handled at
/// once; a byte that is not a digit (0-9, a-f, A-F) sets a bit in `invalid`.
@inline(__always)
private func hexOctet(_ p: UnsafePointer<UInt8>, invalid: inout UInt64) -> UInt64 {
    let ones: UInt64 = 0x0101_0101_0101_0101, high: UInt64 = 0x8080_8080_8080_8080
    let x = UInt64(littleEndian: UnsafeRawPointer(p).loadUnaligned(as: UInt64.self))  // first digit lowest
    /// Per byte: the high bit set when the byte lies in lo...hi (bytes below 0x80 only).
    func within(_ v: UInt64, _ lo: UInt8, _ hi: UInt8) -> UInt64 {
        ((v | high) &- ones &* UInt64(lo)) & (ones &* UInt64(0x80 + hi) &- (v & ~high)) & ~v & high
    }
    // Folding case with 0x20 maps A-F onto a-f (and nothing else onto them).
    let digits = within(x, 0x30, 0x39) | within(x | 0x2020_2020_2020_2020, 0x61, 0x66)
    invalid |= ~digits & high
    // A letter has bit 6 set: its value is its low nibble plus 9.
    var v = (x & 0x0F0F_0F0F_0F0F_0F0F) &+ ((x & 0x4040_4040_4040_4040) >> 6) &* 9
    // Gather the nibbles, first digit most significant: pairs, then quads, then all eight.
    v = (v & 0x000F_000F_000F_000F) << 4 | (v >> 8) & 0x000F_000F_000F_000F
    v = (v & 0x0000_00FF_0000_00FF) << 8 | (v >> 16) & 0x0000_00FF_0000_00FF
    return (v & 0xFFFF) << 16 | (v >> 32) & 0xFFFF
}

/// Incremental SHA-256 over libcrypto's EVP interface.
///
/// A class because it owns an `EVP_MD_CTX`; use `SHA256.hash(_:)` for one-shot
/// hashing. libcrypto is loaded the first time anything is hashed (see
/// `ccrypto_loader.h`): a run that hashes nothing, such as a no-op build,
/// never pays for loading it.
public final class SHA256 {
    private let context: OpaquePointer

    public init() {
        // Without libcrypto nothing can be hashed, as without it altbuild could not start before.
        if let problem = SHA256.libraryProblem { fatalError(problem) }
        // With libcrypto loaded, a state is NULL only when malloc fails; there is no recovery from that.
        guard let context = ccrypto_sha256_new() else { fatalError("EVP_MD_CTX_new: out of memory") }
        self.context = context
    }

    /// Loads libcrypto, once: nil when it is loaded, else what to install.
    private static let libraryProblem: String? = {
        var error = [CChar](repeating: 0, count: 300)
        guard ccrypto_load(&error, error.count) != 0 else { return nil }
        return String(decoding: error.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }()

    private init(copying other: SHA256) {
        guard let context = ccrypto_copy(other.context) else { fatalError("EVP_MD_CTX_new: out of memory") }
        self.context = context
    }

    deinit { ccrypto_free(context) }

    /// A hasher that has already consumed what this one has: for many keys
    /// sharing a long prefix, hash the prefix once and copy.
    public func copy() -> SHA256 { SHA256(copying: self) }

    public func update<Bytes: RawBytes>(_ bytes: Bytes) {
        bytes.withUnsafeBytes { raw in
            ccrypto_update(context, raw.baseAddress, raw.count)
        }
    }

    public func update(_ raw: UnsafeRawBufferPointer) {
        ccrypto_update(context, raw.baseAddress, raw.count)
    }

    public func update(_ string: String) {
        var string = string
        string.withUTF8 { buffer in
            ccrypto_update(context, buffer.baseAddress, buffer.count)
        }
    }

    public func finalize() -> SHA256Digest {
        var out = [UInt8](repeating: 0, count: 32)
        ccrypto_final(context, &out)
        return SHA256Digest(bytes: out)
    }

    public static func hash<Bytes: RawBytes>(_ bytes: Bytes) -> SHA256Digest {
        let hasher = SHA256()
        hasher.update(bytes)
        return hasher.finalize()
    }

    public static func hash(_ string: String) -> SHA256Digest {
        let hasher = SHA256()
        hasher.update(string)
        return hasher.finalize()
    }
}

extension SHA256 {
    /// The digest of the first `count` bytes of the open file `fd`, read a
    /// MiB at a time with `pread`, so a deck of any size is hashed without
    /// being held in memory (and the descriptor's position is left alone).
    /// A file that ends sooner has changed since its size was taken
    /// (`E_INPUT_CHANGED`); a read that fails is `E_IO`, naming `path`.
    public static func hash(descriptor fd: Int32, count: Int, path: String) throws -> SHA256Digest {
        let hasher = SHA256()
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 16)
        defer { buffer.deallocate() }
        var offset = 0
        while offset < count {
            let chunk = UnsafeMutableRawBufferPointer(rebasing: buffer[..<min(buffer.count, count - offset)])
            let read = try FileIO.readFully(fd, into: chunk, at: offset, path: path)
            guard read == chunk.count else {
                throw AltbuildError(.inputChanged, "the file ends after \(offset + read) of its \(count) bytes: it changed while it was being read", path: path)
            }
            hasher.update(UnsafeRawBufferPointer(chunk))
            offset += read
        }
        return hasher.finalize()
    }
}

/// The few buffer types altbuild hashes, without pulling in Foundation.
public protocol RawBytes {
    func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R
}

extension Array: RawBytes where Element == UInt8 {}
extension ArraySlice: RawBytes where Element == UInt8 {}

extension SHA256 {
    /// The digest of the file at `path`, streamed: a deck of any size costs
    /// a MiB of memory. Errors are `FileIO.openForReading`'s (a file over
    /// `limit` bytes is refused before any is read).
    public static func hash(contentsOf path: String, limit: Int = Int.max) throws -> SHA256Digest {
        let (fd, size) = try FileIO.openForReading(path, limit: limit)
        defer { close(fd) }
        return try hash(descriptor: fd, count: size, path: path)
    }
}
