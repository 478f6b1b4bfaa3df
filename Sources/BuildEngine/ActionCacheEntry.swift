public import AltbuildSupport
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension ActionCache {
    /// One action-cache entry: the key it answers, the digest of its result,
    /// and, when the result is small, the result's bytes themselves (as
    /// Bazel's `ActionResult` carries small outputs inline). A description is
    /// about a hundred bytes; carried inline it costs one file instead of an
    /// entry and a store object, each with its own directory entry, which
    /// on ext4 takes more room than the description itself.
    ///
    /// An entry is one self-contained byte string, the same on disk and in a
    /// remote cache (`/ac/<key>`); `decode(_:key:)` is the one check every
    /// reader applies to such bytes.
    ///
    /// Layout: the 4-byte magic (a NUL, then `ABE`; no JSON entry of older
    /// versions starts with a NUL), a version byte, a flags byte (bit 0: the
    /// result is inline), the key (32 bytes), the result's digest (32 bytes),
    /// then the inline result as the store keeps objects (`StoredObject`:
    /// deflated when that saves space).
    public struct Entry: Sendable, Equatable {
        public var key: SHA256Digest
        /// The digest of the result's plain bytes: a store object's name, or the inline bytes' digest.
        public var result: SHA256Digest
        /// The result's bytes, when the entry carries them.
        public var inline: [UInt8]?

        /// The result's bytes: carried here, or read (verified) from `store`; nil when the store lacks them.
        public func resultBytes(in store: ContentStore) -> [UInt8]? {
            inline ?? store.get(result)
        }

        /// An entry naming a result kept in the content store.
        public init(key: SHA256Digest, result: SHA256Digest) {
            self.key = key
            self.result = result
        }

        /// An entry carrying its result.
        public init(key: SHA256Digest, inline bytes: [UInt8]) {
            self.key = key
            self.result = SHA256.hash(bytes)
            self.inline = bytes
        }

        private init(key: SHA256Digest, result: SHA256Digest, checkedInline: [UInt8]) {
            self.key = key
            self.result = result
            self.inline = checkedInline
        }

        static let magic: [UInt8] = [0, 0x41, 0x42, 0x45]
        static let currentVersion: UInt8 = 2
        static let inlineFlag: UInt8 = 1
        static let headerLength = 6 + 32 + 32

        public func encoded() -> [UInt8] {
            var bytes = Self.magic + [Self.currentVersion, inline == nil ? 0 : Self.inlineFlag]
            bytes += key.bytes
            bytes += result.bytes
            if let inline { bytes += StoredObject.encode(inline) }
            return bytes
        }

        /// The entry in `bytes` if it is whole and answers `key`; nil for a
        /// torn entry, one of another key, an inline result whose bytes do
        /// not have the digest the entry names, or a version this altbuild
        /// does not know. Entries of the older JSON format (version 1) still
        /// read. Nil is a miss: the action is done again, which is always correct.
        public static func decode(_ bytes: [UInt8], key: SHA256Digest) -> Entry? {
            guard bytes.starts(with: magic) else { return LegacyEntry.decode(bytes, key: key) }
            guard bytes.count >= headerLength, bytes[4] == currentVersion, bytes[5] & ~inlineFlag == 0,
                  SHA256Digest(bytes: Array(bytes[6..<38])) == key else { return nil }
            let result = SHA256Digest(bytes: Array(bytes[38..<headerLength]))
            guard bytes[5] & inlineFlag != 0 else {
                return bytes.count == headerLength ? Entry(key: key, result: result) : nil
            }
            guard let inline = StoredObject.decode(Array(bytes[headerLength...])), SHA256.hash(inline) == result else { return nil }
            return Entry(key: key, result: result, checkedInline: inline)
        }
    }

    /// The entry format of altbuild before inline results: JSON naming the
    /// key and a store object.
    struct LegacyEntry: Codable {
        var version: Int
        var key: SHA256Digest
        var result: SHA256Digest

        static func decode(_ bytes: [UInt8], key: SHA256Digest) -> Entry? {
            guard let legacy = try? JSONDecoder().decode(LegacyEntry.self, from: Data(bytes)),
                  legacy.version == 1, legacy.key == key else { return nil }
            return Entry(key: key, result: legacy.result)
        }
    }
}
