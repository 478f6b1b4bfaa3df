/// What kind of image a slot's bytes are, from their first bytes.
public enum ImageFormat: String, Sendable {
    case png, jpeg, gif, emf, wmf, svg, bmp, tiff, webp, unknown

    public init(_ bytes: [UInt8]) {
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]) { self = .png }
        else if bytes.starts(with: [0xFF, 0xD8, 0xFF]) { self = .jpeg }
        else if bytes.starts(with: Array("GIF8".utf8)) { self = .gif }
        else if bytes.count > 44, bytes.starts(with: [0x01, 0x00, 0x00, 0x00]), bytes[40...43].elementsEqual([0x20, 0x45, 0x4D, 0x46]) { self = .emf }
        else if bytes.starts(with: [0xD7, 0xCD, 0xC6, 0x9A]) || bytes.starts(with: [0x01, 0x00, 0x09, 0x00]) { self = .wmf }
        else if bytes.starts(with: Array("BM".utf8)) { self = .bmp }
        else if bytes.starts(with: [0x49, 0x49, 0x2A, 0x00]) || bytes.starts(with: [0x4D, 0x4D, 0x00, 0x2A]) { self = .tiff }
        else if bytes.count > 12, bytes.starts(with: Array("RIFF".utf8)), bytes[8...11].elementsEqual(Array("WEBP".utf8)) { self = .webp }
        else if String(decoding: bytes.prefix(512), as: UTF8.self).contains("<svg") { self = .svg }
        else { self = .unknown }
    }

    /// Formats vision models accept as they are.
    public var isSendable: Bool { self == .png || self == .jpeg || self == .gif }

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
