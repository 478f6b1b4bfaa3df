internal import CImageLoader
public import DeckModel

/// Scales pictures down before they are sent to a model (longest side 1,024
/// px by default): vision models work at about that size, and a 12-megapixel
/// photo would only cost upload time and tokens. Decoding and encoding are
/// libgd's, loaded on first use, and run only in the worker, only on
/// pictures whose declared size is within the pixel budget.
public enum ImageScaler {
    /// `bytes` scaled so that the longest side is `longestSide`, or nil when
    /// it is small enough already, its format is not one libgd handles, or
    /// libgd cannot decode it (the picture then goes as it is).
    public static func scaled(_ bytes: [UInt8], format: ImageFormat, width: Int, height: Int,
                              longestSide: Int) -> SlotImage? {
        guard longestSide > 0, max(width, height) > longestSide, format.isSendable else { return nil }
        var error = [CChar](repeating: 0, count: 256)
        guard cimage_load(&error, error.count) == 0 else { return nil }
        let scale = Double(longestSide) / Double(max(width, height))
        let newWidth = max(1, Int((Double(width) * scale).rounded()))
        let newHeight = max(1, Int((Double(height) * scale).rounded()))
        let code: Int32 = format == .png ? 0 : format == .jpeg ? 1 : 2
        var size: Int32 = 0
        let result = bytes.withUnsafeBytes { raw in
            cimage_scale(raw.baseAddress, Int32(clamping: raw.count), code, Int32(newWidth), Int32(newHeight), &size)
        }
        guard let result, size > 0 else { return nil }
        defer { cimage_free(result) }
        // libgd writes JPEG back as JPEG, and PNG and GIF as PNG.
        return SlotImage(bytes: Array(UnsafeRawBufferPointer(start: result, count: Int(size))),
                         format: format == .jpeg ? .jpeg : .png)
    }
}
