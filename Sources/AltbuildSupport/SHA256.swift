internal import CCrypto
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

    /// Parses 64 hex digits given as bytes (as read from a file); nil otherwise.
    public init?(hexBytes utf8: ArraySlice<UInt8>) {
        guard let parsed = utf8.withUnsafeBufferPointer({ SHA256Digest(hexPointer: $0) }) else { return nil }
        self = parsed
    }

    public init?(hexPointer utf8: UnsafeBufferPointer<UInt8>) {
        guard utf8.count == 64, let base = utf8.baseAddress else { return nil }
        func word(_ w: Int) -> UInt64? {
            var v: UInt64 = 0
            for i in 0..<16 {
                guard let digit = hexValue(base[w * 16 + i]) else { return nil }
                v = v << 4 | UInt64(digit)
            }
            return v
        }
        guard let a = word(0), let b = word(1), let c = word(2), let d = word(3) else { return nil }
        (w0, w1, w2, w3) = (a, b, c, d)
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

private func hexValue(_ c: UInt8) -> UInt8? {
    switch c {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return c - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): return c - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): return c - UInt8(ascii: "A") + 10
    default: return nil
    }
}

/// Incremental SHA-256 over libcrypto's EVP interface.
///
/// A class because it owns an `EVP_MD_CTX`; use `SHA256.hash(_:)` for one-shot
/// hashing.
public final class SHA256 {
    private let context: OpaquePointer

    public init() {
        // EVP_MD_CTX_new only fails when malloc does; there is no recovery from that.
        guard let context = EVP_MD_CTX_new() else { fatalError("EVP_MD_CTX_new: out of memory") }
        self.context = context
        EVP_DigestInit_ex(context, SHA256.algorithm, nil)
    }

    /// OpenSSL 3 looks the algorithm up in its providers on every
    /// `EVP_DigestInit_ex(ctx, EVP_sha256(), ...)`; fetching it once saves
    /// most of the cost of hashing short keys.
    nonisolated(unsafe) private static let algorithm: OpaquePointer? = EVP_MD_fetch(nil, "SHA256", nil)

    private init(copying other: SHA256) {
        guard let context = EVP_MD_CTX_new() else { fatalError("EVP_MD_CTX_new: out of memory") }
        EVP_MD_CTX_copy_ex(context, other.context)
        self.context = context
    }

    deinit { EVP_MD_CTX_free(context) }

    /// A hasher that has already consumed what this one has: for many keys
    /// sharing a long prefix, hash the prefix once and copy.
    public func copy() -> SHA256 { SHA256(copying: self) }

    public func update<Bytes: RawBytes>(_ bytes: Bytes) {
        bytes.withUnsafeBytes { raw in
            _ = EVP_DigestUpdate(context, raw.baseAddress, raw.count)
        }
    }

    public func update(_ raw: UnsafeRawBufferPointer) {
        _ = EVP_DigestUpdate(context, raw.baseAddress, raw.count)
    }

    public func update(_ string: String) {
        var string = string
        string.withUTF8 { buffer in
            _ = EVP_DigestUpdate(context, buffer.baseAddress, buffer.count)
        }
    }

    public func finalize() -> SHA256Digest {
        var out = [UInt8](repeating: 0, count: 32)
        var length: UInt32 = 0
        EVP_DigestFinal_ex(context, &out, &length)
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
