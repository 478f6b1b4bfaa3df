internal import CZlib

/// zlib's one-shot compress and uncompress, for the build's own records
/// (JSON manifests, review files and descriptions shrink several-fold).
/// Never used on deck bytes: those are only ever read in a worker.
public enum Zlib {
    /// `bytes` deflated at the default level; nil if zlib fails.
    public static func compress(_ bytes: [UInt8]) -> [UInt8]? {
        var size = compressBound(uLong(bytes.count))
        var out = [UInt8](repeating: 0, count: Int(size))
        let status = out.withUnsafeMutableBufferPointer { target in
            bytes.withUnsafeBufferPointer { source in
                compress2(target.baseAddress, &size, source.baseAddress, uLong(source.count), Z_DEFAULT_COMPRESSION)
            }
        }
        guard status == Z_OK else { return nil }
        out.removeSubrange(Int(size)...)
        return out
    }

    /// `bytes` inflated to exactly `count` bytes; nil if they are not a zlib
    /// stream of that length, so a damaged or lying record is a miss.
    public static func uncompress(_ bytes: [UInt8], count: Int) -> [UInt8]? {
        var size = uLongf(count)
        var out = [UInt8](repeating: 0, count: max(count, 1))
        let status = out.withUnsafeMutableBufferPointer { target in
            bytes.withUnsafeBufferPointer { source in
                CZlib.uncompress(target.baseAddress, &size, source.baseAddress, uLong(source.count))
            }
        }
        guard status == Z_OK, Int(size) == count else { return nil }
        return count == 0 ? [] : out
    }
}
