public import DeckModel

extension ImageFormat {
    /// The format from the first bytes, whatever the part's name says.
    public init(sniffing bytes: [UInt8]) {
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
}
