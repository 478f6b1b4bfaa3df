import Testing
import Foundation
@testable import OOXML
@testable import Describers

/// OCR with the real Tesseract (installed by `make test` and CI), on a
/// picture with words drawn by Pillow.
@Suite struct TextRecognizerTests {
    static func pictureWithText(_ text: String) throws -> [UInt8] {
        let path = NSTemporaryDirectory() + "altbuild-ocr-\(UUID().uuidString).png"
        let script = """
            import sys
            from PIL import Image, ImageDraw, ImageFont
            img = Image.new("RGB", (1000, 200), "white")
            try:
                font = ImageFont.load_default(size=48)
            except TypeError:
                font = ImageFont.load_default()
            ImageDraw.Draw(img).text((20, 60), sys.argv[2], fill="black", font=font)
            img.save(sys.argv[1])
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, path, text]
        try process.run()
        process.waitUntilExit()
        defer { try? FileManager.default.removeItem(atPath: path) }
        return Array(try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    func pictureSlot() throws -> Slot {
        try #require(try Deck(bytes: Fixtures.kitchenSink().bytes(), path: "sink.pptx").inventory().slots.first { $0.shapeID == "2" })
    }

    @Test func textInAPictureIsRead() async throws {
        let recognizer = try #require(TextRecognizer.detect(), "tesseract-ocr is installed by make test and CI")
        let image = try Self.pictureWithText("Quarterly revenue dashboard")
        let describer = BuiltinDescriber(recognizer: recognizer)
        #expect(describer.needsMedia)
        #expect(describer.identity.settings["ocr"] == "tesseract")
        let description = try await describer.describe(DescriptionRequest(slot: try pictureSlot(), media: .sniffed(image)))
        #expect(description.text == "Screenshot with text: “Quarterly revenue dashboard”.")
        #expect(!description.needsReview, "legible OCR text is a description, written as generated")
    }

    @Test func withoutTesseractTheBuiltinDescriberStillWorks() async throws {
        let describer = BuiltinDescriber(recognizer: nil)
        #expect(!describer.needsMedia)
        #expect(describer.identity.settings.isEmpty)
        let description = try await describer.describe(DescriptionRequest(slot: try pictureSlot(), media: .sniffed(try Self.pictureWithText("Some words here"))))
        #expect(description.text == "Picture captioned “Figure 1: the new office”.")
    }

    @Test func aPictureWithoutWordsFallsBackToContext() async throws {
        let recognizer = try #require(TextRecognizer.detect())
        let blank = try Self.pictureWithText("")
        let description = try await BuiltinDescriber(recognizer: recognizer).describe(DescriptionRequest(slot: try pictureSlot(), media: .sniffed(blank)))
        #expect(description.text == "Picture captioned “Figure 1: the new office”.")
    }
}

@Suite struct OCRNoiseTests {
    @Test func strayCharactersAndSingleWordsAreNotText() {
        #expect(TextRecognizer.plausibleText("e python powered\n") == "python powered")
        #expect(TextRecognizer.plausibleText("| ~ x") == "")
        #expect(TextRecognizer.plausibleText("Logo") == "")
        #expect(TextRecognizer.plausibleText("Revenue 2024 grew 12 %") == "Revenue 2024 grew 12")
    }
}
