/// What kind of image a slot's bytes are. The worker sniffs it
/// (`ImageTools`), next to the media it comes from; the parent only reads the
/// answer, so it never looks inside a deck's bytes.
public enum ImageFormat: String, Sendable, Codable {
    case png, jpeg, gif, emf, wmf, svg, bmp, tiff, webp, unknown

    /// Formats vision models accept as they are.
    public var isSendable: Bool { self == .png || self == .jpeg || self == .gif }

    /// Formats whose declared size altbuild reads before anything decodes
    /// them, so only these go to a decoder (OCR, scaling).
    public var hasCheckedDimensions: Bool { isSendable }

    public var mimeType: String {
        switch self {
        case .png: return "image/png"
        case .jpeg: return "image/jpeg"
        case .gif: return "image/gif"
        case .svg: return "image/svg+xml"
        case .webp: return "image/webp"
        default: return "application/octet-stream"
        }
    }
}
