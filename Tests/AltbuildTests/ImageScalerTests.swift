import Testing
import Foundation
@testable import Describers

@Suite struct ImageScalerTests {
    /// A real PNG of the given size, made by Python's zlib (one colour; valid CRCs).
    static func png(width: Int, height: Int) throws -> [UInt8] {
        let path = NSTemporaryDirectory() + "altbuild-png-\(UUID().uuidString).png"
        let script = """
            import struct, zlib, sys
            w, h = \(width), \(height)
            raw = b"".join(b"\\x00" + bytes((200, 30, 60)) * w for _ in range(h))
            def chunk(k, d): return struct.pack(">I", len(d)) + k + d + struct.pack(">I", zlib.crc32(k + d) & 0xFFFFFFFF)
            open(sys.argv[1], "wb").write(b"\\x89PNG\\r\\n\\x1a\\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, path]
        try process.run()
        process.waitUntilExit()
        defer { try? FileManager.default.removeItem(atPath: path) }
        return Array(try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    @Test func largePicturesAreScaledToTheLongestSide() throws {
        let big = try Self.png(width: 2000, height: 1000)
        #expect(ImageScaler.dimensions(big, .png)! == (2000, 1000))
        let (scaled, size) = ImageScaler.fit(big, longestSide: 1024)
        #expect(size! == (1024, 512))
        #expect(ImageFormat(scaled) == .png)
        #expect(ImageScaler.dimensions(scaled, .png)! == (1024, 512))
    }

    @Test func smallPicturesAreSentAsTheyAre() throws {
        let small = try Self.png(width: 300, height: 200)
        let (same, size) = ImageScaler.fit(small, longestSide: 1024)
        #expect(size == nil)
        #expect(same == small)
    }

    @Test func jpegAndGifDimensionsComeFromTheirHeaders() {
        // SOI, an APP0 segment, then SOF0 with height 480 and width 640.
        let jpeg: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x04, 0x00, 0x00,
                             0xFF, 0xC0, 0x00, 0x11, 0x08, 0x01, 0xE0, 0x02, 0x80, 0x03, 0, 0, 0, 0, 0, 0]
        #expect(ImageScaler.dimensions(jpeg, .jpeg)! == (640, 480))
        let gif: [UInt8] = Array("GIF89a".utf8) + [0x20, 0x03, 0x58, 0x02, 0, 0, 0]
        #expect(ImageScaler.dimensions(gif, .gif)! == (800, 600))
    }
}
