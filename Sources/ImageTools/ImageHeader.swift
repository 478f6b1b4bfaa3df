public import DeckModel

/// The size a picture declares, read from its header without decoding it:
/// PNG's IHDR, JPEG's SOFn, and for GIF the larger of the logical screen and
/// the first frame (a decoder allocates the frame, which may be bigger than
/// the screen it claims).
public enum ImageHeader {
    public static func dimensions(_ bytes: [UInt8], _ format: ImageFormat) -> (width: Int, height: Int)? {
        switch format {
        case .png: return png(bytes)
        case .jpeg: return jpeg(bytes)
        case .gif: return gif(bytes)
        default: return nil
        }
    }

    private static func png(_ b: [UInt8]) -> (width: Int, height: Int)? {
        guard b.count >= 24, b[12..<16].elementsEqual(Array("IHDR".utf8)) else { return nil }
        return (be32(b, 16), be32(b, 20))
    }

    private static func jpeg(_ b: [UInt8]) -> (width: Int, height: Int)? {
        var i = 2
        while i + 9 < b.count {
            guard b[i] == 0xFF else { i += 1; continue }
            let marker = b[i + 1]
            if marker == 0xD8 || marker == 0x01 || marker == 0xFF || (0xD0...0xD7).contains(marker) { i += 1; continue }
            if (0xC0...0xCF).contains(marker) && marker != 0xC4 && marker != 0xC8 && marker != 0xCC {
                return (be16(b, i + 7), be16(b, i + 5))
            }
            i += 2 + be16(b, i + 2)
        }
        return nil
    }

    private static func gif(_ b: [UInt8]) -> (width: Int, height: Int)? {
        guard b.count >= 13 else { return nil }
        var width = le16(b, 6)
        var height = le16(b, 8)
        var i = 13
        if b[10] & 0x80 != 0 { i += 3 << (Int(b[10] & 0x07) + 1) }
        // Skip extensions up to the first image descriptor.
        while i < b.count {
            switch b[i] {
            case 0x2C:
                guard i + 9 < b.count else { return (width, height) }
                width = max(width, le16(b, i + 1) + le16(b, i + 5))
                height = max(height, le16(b, i + 3) + le16(b, i + 7))
                return (width, height)
            case 0x21:
                i += 2
                while i < b.count && b[i] != 0 { i += Int(b[i]) + 1 }
                i += 1
            default:
                return (width, height)
            }
        }
        return (width, height)
    }

    private static func be16(_ b: [UInt8], _ i: Int) -> Int { Int(b[i]) << 8 | Int(b[i + 1]) }
    private static func le16(_ b: [UInt8], _ i: Int) -> Int { Int(b[i]) | Int(b[i + 1]) << 8 }
    private static func be32(_ b: [UInt8], _ i: Int) -> Int {
        Int(b[i]) << 24 | Int(b[i + 1]) << 16 | Int(b[i + 2]) << 8 | Int(b[i + 3])
    }
}
