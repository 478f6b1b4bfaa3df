import Testing
import Foundation
@testable import OOXML
@testable import Describers

/// OCR with the real Tesseract (installed by `make test` and CI), on a
/// picture with words drawn by Pillow.
@Suite struct TextRecognizerTests {
    /// A white PNG of `width`×`height` with `text` in black, a third of the way down.
    static func pictureWithText(_ text: String, width: Int = 1000, height: Int = 200, fontSize: Int = 48) throws -> [UInt8] {
        let path = NSTemporaryDirectory() + "altbuild-ocr-\(UUID().uuidString).png"
        let script = """
            import sys
            from PIL import Image, ImageDraw, ImageFont
            width, height, size = int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
            img = Image.new("RGB", (width, height), "white")
            try:
                font = ImageFont.load_default(size=size)
            except TypeError:
                font = ImageFont.load_default()
            ImageDraw.Draw(img).text((20, height // 3), sys.argv[2], fill="black", font=font)
            img.save(sys.argv[1])
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, path, text, String(width), String(height), String(fontSize)]
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
        #expect(description.text == "Image with text: “Quarterly revenue dashboard”.", "a 5:1 banner is no screen")
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

    func describe(_ image: [UInt8]) async throws -> Description {
        let recognizer = try #require(TextRecognizer.detect(), "tesseract-ocr is installed by make test and CI")
        return try await BuiltinDescriber(recognizer: recognizer).describe(DescriptionRequest(slot: try pictureSlot(), media: .sniffed(image)))
    }

    @Test func aScreenSizedPNGIsAScreenshot() async throws {
        let description = try await describe(try Self.pictureWithText("Quarterly revenue dashboard", width: 1280, height: 720))
        #expect(description.text == "Screenshot with text: “Quarterly revenue dashboard”.")
    }

    @Test func aSmallLogoIsAnImageWithText() async throws {
        let description = try await describe(try Self.pictureWithText("Acme Robotics Limited", width: 420, height: 100, fontSize: 36))
        #expect(description.text == "Image with text: “Acme Robotics Limited”.")
        #expect(!description.needsReview)
    }

    /// A chart's axis labels read off its fallback picture: never written, but shown to the reviewer.
    @Test func digitsAloneAreLeftForReview() async throws {
        let description = try await describe(try Self.pictureWithText("180 160 140 120"))
        #expect(description.needsReview)
        #expect(description.text == "Picture captioned “Figure 1: the new office”.")
        #expect(description.reason?.hasSuffix("; OCR read only digits and single letters: “180 160 140 120”") == true, "\(description.reason ?? "")")
    }
}

@Suite struct RecognizedTextTests {
    static let tsv = """
        level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext
        1\t1\t0\t0\t0\t0\t0\t0\t1000\t200\t-1\t
        4\t1\t1\t1\t1\t0\t22\t71\t624\t46\t-1\t
        5\t1\t1\t1\t1\t1\t22\t71\t196\t46\t96.8\tDepartment
        5\t1\t1\t1\t1\t2\t233\t81\t170\t27\t91.2\tof
        5\t1\t1\t1\t1\t3\t416\t71\t230\t37\t60\tEducation
        5\t1\t1\t1\t1\t4\t700\t71\t40\t37\t31.5\t\\hio
        5\t1\t1\t1\t1\t5\t760\t71\t40\t37\t59.9\tZz

        """

    @Test func wordsBelowTheConfidenceThresholdAreDropped() {
        let reading = RecognizedText(tsv: Self.tsv)
        #expect(RecognizedText.minimumConfidence == 60)
        #expect(reading.words == "Department of Education")
        #expect(reading.dropped == 2)
        #expect(reading.width == 1000 && reading.height == 200)
        #expect(!reading.isNoise)
    }

    @Test(arguments: [("180 160 140 120", true), ("a 12 B 7", true), ("Q1 Q2 Q3", true), ("", false), ("Revenue 2024", false)])
    func noiseIsDigitsAndSingleLetters(_ words: String, _ noise: Bool) {
        #expect(RecognizedText(words: words, dropped: 0, width: nil, height: nil).isNoise == noise)
    }

    @Test(arguments: [
        (ImageFormat.png, 1920, 1080, true), (.png, 1280, 800, true), (.png, 1024, 768, true), (.png, 1366, 768, true),
        (.jpeg, 1920, 1080, false), (.png, 640, 360, false), (.png, 1000, 200, false), (.png, 1080, 1920, false),
    ])
    func screenCaptures(_ format: ImageFormat, _ width: Int, _ height: Int, _ expected: Bool) {
        #expect(ScreenCapture.looksLikeOne(format: format, width: width, height: height) == expected)
    }

    @Test func withoutASizeNothingIsAScreenshot() {
        #expect(!ScreenCapture.looksLikeOne(format: .png, width: nil, height: nil))
    }
}

@Suite struct OCRNoiseTests {
    @Test func strayCharactersAndSingleWordsAreNotText() {
        #expect(TextRecognizer.plausibleText("e python powered\n") == "python powered")
        #expect(TextRecognizer.plausibleText("| ~ x") == "")
        #expect(TextRecognizer.plausibleText("Logo") == "")
        #expect(TextRecognizer.plausibleText("Revenue 2024 grew 12 %") == "Revenue 2024 grew 12")
        #expect(TextRecognizer.plausibleText("Department of Education \\hio") == "Department of Education")
    }
}
