/// What Tesseract read in one picture, from its TSV output: the words it was
/// confident of, in reading order, and the picture's size as it decoded it.
public struct RecognizedText: Sendable, Equatable {
    /// Words at or above `minimumConfidence`, one space apart.
    public var words: String
    /// Words dropped for low confidence, for the reason text.
    public var dropped: Int
    /// The decoded picture's size (TSV's page row); nil if Tesseract gave none.
    public var width: Int?
    public var height: Int?

    /// Tesseract rates each word 0–100. Below 60 its guesses on slide
    /// pictures were mostly edges and textures read as letters
    /// ("Department of Education \hio"); clean printed text scores over 90,
    /// so 60 drops the noise and keeps small or tinted print.
    public static let minimumConfidence = 60.0

    public static let empty = RecognizedText(words: "", dropped: 0, width: nil, height: nil)

    /// Parses `tesseract … tsv`: a header, then one row per page, block,
    /// paragraph, line and word (`level` 1 to 5); `conf` is -1 on all but words.
    public init(tsv: String) {
        var kept: [Substring] = []
        var dropped = 0
        var width: Int?
        var height: Int?
        for row in tsv.split(whereSeparator: \.isNewline).dropFirst() {
            let fields = row.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count >= 11 else { continue }
            if fields[0] == "1", width == nil {
                width = Int(fields[8])
                height = Int(fields[9])
            }
            guard fields[0] == "5", fields.count >= 12 else { continue }
            let text = fields[11...].joined(separator: "\t").split(whereSeparator: \.isWhitespace)
            guard !text.isEmpty else { continue }
            if let confidence = Double(fields[10]), confidence >= Self.minimumConfidence {
                kept.append(contentsOf: text)
            } else {
                dropped += 1
            }
        }
        self.init(words: kept.joined(separator: " "), dropped: dropped, width: width, height: height)
    }

    public init(words: String, dropped: Int, width: Int?, height: Int?) {
        self.words = words
        self.dropped = dropped
        self.width = width
        self.height = height
    }

    /// Only digits, punctuation and single letters: a chart's axis labels
    /// ("180 160 140 120") or marks in a photo. Such a reading is no text
    /// worth writing; the slot goes to review with it as context.
    public var isNoise: Bool {
        let tokens = words.split(whereSeparator: \.isWhitespace)
        return !tokens.isEmpty && tokens.allSatisfy { $0.filter(\.isLetter).count <= 1 }
    }
}
