public import DeckModel

/// Prepares one picture in the worker: sniffs its format, reads its declared
/// size, checks the pixel budget before anything decodes it, and scales it
/// down when asked.
public enum ImagePreparer {
    public struct Prepared: Sendable {
        public var facts: ImageFacts
        /// What to hand a describer; nil when the picture is refused.
        public var image: SlotImage?
    }

    /// The facts alone: cheap, no decoding, for every picture of a deck.
    public static func facts(_ bytes: [UInt8], maxPixels: Int) -> ImageFacts {
        let format = ImageFormat(sniffing: bytes)
        guard let size = ImageHeader.dimensions(bytes, format) else {
            return ImageFacts(format: format)
        }
        var facts = ImageFacts(format: format, width: size.width, height: size.height)
        let pixels = size.width.multipliedReportingOverflow(by: size.height)
        if pixels.overflow || pixels.partialValue > maxPixels {
            facts.refusal = "the picture declares \(size.width) × \(size.height) pixels (\(megapixels(pixels.overflow ? Int.max : pixels.partialValue)) megapixels), over the pixel budget of \(megapixels(maxPixels)) megapixels, so it was not decoded"
        }
        return facts
    }

    /// The facts, and the bytes a describer gets: scaled to
    /// `preparation.longestSide` when it is set and the picture is larger.
    public static func prepare(_ bytes: [UInt8], _ preparation: ImagePreparation) -> Prepared {
        let facts = facts(bytes, maxPixels: preparation.maxPixels)
        if facts.refusal != nil { return Prepared(facts: facts, image: nil) }
        guard let width = facts.width, let height = facts.height,
              let scaled = ImageScaler.scaled(bytes, format: facts.format, width: width, height: height,
                                              longestSide: preparation.longestSide) else {
            return Prepared(facts: facts, image: SlotImage(bytes: bytes, format: facts.format))
        }
        return Prepared(facts: facts, image: scaled)
    }

    static func megapixels(_ pixels: Int) -> String {
        let value = Double(pixels) / 1_000_000
        return value >= 10 || value == value.rounded() ? String(Int(value.rounded())) : String(Double(Int(value * 10)) / 10)
    }
}
