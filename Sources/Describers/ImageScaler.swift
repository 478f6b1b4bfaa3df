internal import CImageLoader

/// Scales pictures down before they are sent to a model (longest side 1,024
/// px by default): vision models work at about that size, and a 12-megapixel
/// photo would only cost upload time and tokens. Decoding and encoding are
/// libgd's, loaded on first use; without it pictures go as they are.
public enum ImageScaler {
    /// The image to send and, when it was scaled, its new size.
    public static func fit(_ bytes: [UInt8], longestSide: Int) -> (bytes: [UInt8], scaledTo: (Int, Int)?) {
        let format = ImageFormat(bytes)
        guard longestSide > 0, let (width, height) = dimensions(bytes, format), max(width, height) > longestSide else {
            return (bytes, nil)
        }
        var error = [CChar](repeating: 0, count: 256)
        guard cimage_load(&error, error.count) == 0 else { return (bytes, nil) }
        let scale = Double(longestSide) / Double(max(width, height))
        let newWidth = max(1, Int((Double(width) * scale).rounded()))
        let newHeight = max(1, Int((Double(height) * scale).rounded()))
        let code: Int32 = format == .png ? 0 : format == .jpeg ? 1 : 2
        var size: Int32 = 0
        let result = bytes.withUnsafeBytes { raw in
            cimage_scale(raw.baseAddress, Int32(raw.count), code, Int32(newWidth), Int32(newHeight), &size)
        }
        guard let result, size > 0 else { return (bytes, nil) }
        defer { cimage_free(result) }
        let scaled = Array(UnsafeRawBufferPointer(start: result, count: Int(size)))
        return (scaled, (newWidth, newHeight))
    }

    /// Width and height from the file header (PNG IHDR, GIF logical screen, JPEG SOFn).
    public static func dimensions(_ b: [UInt8], _ format: ImageFormat) -> (Int, Int)? {
        func be16(_ i: Int) -> Int { Int(b[i]) << 8 | Int(b[i + 1]) }
        func be32(_ i: Int) -> Int { Int(b[i]) << 24 | Int(b[i + 1]) << 16 | Int(b[i + 2]) << 8 | Int(b[i + 3]) }
        switch format {
        case .png where b.count >= 24:
            return (be32(16), be32(20))
        case .gif where b.count >= 10:
            return (Int(b[6]) | Int(b[7]) << 8, Int(b[8]) | Int(b[9]) << 8)
        case .jpeg:
            var i = 2
            while i + 9 < b.count {
                guard b[i] == 0xFF else { i += 1; continue }
                let marker = b[i + 1]
                if marker == 0xD8 || marker == 0x01 || (0xD0...0xD7).contains(marker) { i += 2; continue }
                let length = be16(i + 2)
                if (0xC0...0xCF).contains(marker) && marker != 0xC4 && marker != 0xC8 && marker != 0xCC {
                    return (be16(i + 7), be16(i + 5))
                }
                i += 2 + length
            }
            return nil
        default:
            return nil
        }
    }
}
