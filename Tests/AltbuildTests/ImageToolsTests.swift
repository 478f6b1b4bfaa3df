import Testing
import Foundation
import DeckModel
@testable import ImageTools

@Suite struct ImageToolsTests {
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

    /// A PNG whose header declares `width` × `height` but holds a few bytes of
    /// data: what a decoder would allocate for is the declared size.
    static func pngBomb(width: Int, height: Int) -> [UInt8] {
        func be32(_ v: Int) -> [UInt8] { [UInt8(v >> 24 & 0xFF), UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)] }
        let ihdr = Array("IHDR".utf8) + be32(width) + be32(height) + [8, 0, 0, 0, 0]
        return [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + be32(13) + ihdr + [0, 0, 0, 0]
            + be32(0) + Array("IEND".utf8) + [0xAE, 0x42, 0x60, 0x82]
    }

    @Test func largePicturesAreScaledToTheLongestSide() throws {
        let big = try Self.png(width: 2000, height: 1000)
        let prepared = ImagePreparer.prepare(big, ImagePreparation(longestSide: 1024))
        #expect(prepared.facts == ImageFacts(format: .png, width: 2000, height: 1000))
        let image = try #require(prepared.image)
        #expect(image.format == .png)
        #expect(ImageFormat(sniffing: image.bytes) == .png)
        #expect(ImageHeader.dimensions(image.bytes, .png)! == (1024, 512))
    }

    @Test func smallPicturesAreSentAsTheyAre() throws {
        let small = try Self.png(width: 300, height: 200)
        #expect(ImagePreparer.prepare(small, ImagePreparation(longestSide: 1024)).image == SlotImage(bytes: small, format: .png))
        let big = try Self.png(width: 2000, height: 1000)
        #expect(ImagePreparer.prepare(big, ImagePreparation(longestSide: 0)).image?.bytes == big, "0 never scales")
    }

    @Test func jpegAndGifDimensionsComeFromTheirHeaders() {
        // SOI, an APP0 segment, then SOF0 with height 480 and width 640.
        let jpeg: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x04, 0x00, 0x00,
                             0xFF, 0xC0, 0x00, 0x11, 0x08, 0x01, 0xE0, 0x02, 0x80, 0x03, 0, 0, 0, 0, 0, 0]
        #expect(ImageHeader.dimensions(jpeg, .jpeg)! == (640, 480))
        let gif: [UInt8] = Array("GIF89a".utf8) + [0x20, 0x03, 0x58, 0x02, 0, 0, 0]
        #expect(ImageHeader.dimensions(gif, .gif)! == (800, 600))
    }

    @Test func aGifFrameLargerThanItsScreenCountsAtTheFramesSize() {
        // A 10 × 10 screen, then an image descriptor of 60,000 × 60,000 at 0,0.
        let gif: [UInt8] = Array("GIF89a".utf8) + [10, 0, 10, 0, 0, 0, 0]
            + [0x21, 0xF9, 4, 0, 0, 0, 0, 0]
            + [0x2C, 0, 0, 0, 0, 0x60, 0xEA, 0x60, 0xEA, 0, 2, 0, 0x3B]
        #expect(ImageHeader.dimensions(gif, .gif)! == (60_000, 60_000))
        #expect(ImagePreparer.facts(gif, maxPixels: 50_000_000).refusal != nil)
    }

    @Test func picturesOverThePixelBudgetAreNeverDecoded() {
        let bomb = Self.pngBomb(width: 40_000, height: 40_000)
        let prepared = ImagePreparer.prepare(bomb, ImagePreparation(maxPixels: 50_000_000, longestSide: 1024))
        #expect(prepared.image == nil)
        #expect(prepared.facts.refusal == "the picture declares 40000 × 40000 pixels (1600 megapixels), over the pixel budget of 50 megapixels, so it was not decoded")
        // Exactly at the budget is allowed; one pixel row more is not.
        #expect(ImagePreparer.facts(Self.pngBomb(width: 1000, height: 1000), maxPixels: 1_000_000).refusal == nil)
        #expect(ImagePreparer.facts(Self.pngBomb(width: 1000, height: 1001), maxPixels: 1_000_000).refusal != nil)
        // A JPEG declaring 65,535 × 65,535 in its SOF0.
        let jpeg: [UInt8] = [0xFF, 0xD8, 0xFF, 0xC0, 0x00, 0x11, 0x08, 0xFF, 0xFF, 0xFF, 0xFF, 0x03, 0, 0, 0, 0, 0, 0]
        #expect(ImagePreparer.facts(jpeg, maxPixels: 50_000_000).refusal != nil)
    }

    @Test func headersThatEndEarlyGiveNoSize() {
        #expect(ImageHeader.dimensions([0x89, 0x50, 0x4E, 0x47], .png) == nil)
        #expect(ImageHeader.dimensions([0xFF, 0xD8, 0xFF, 0xC0, 0x00], .jpeg) == nil)
        #expect(ImageHeader.dimensions(Array("GIF89a".utf8), .gif) == nil)
        #expect(ImagePreparer.facts([], maxPixels: 1) == ImageFacts(format: .unknown))
    }
}
