public import DeckModel

/// Whether a picture with text is a screen capture, which the builtin
/// describer may call a "Screenshot". Anything else with text (a logo, a
/// block diagram, a scanned page) is an "Image with text": on real decks
/// every picture with text was called a screenshot, which misleads.
///
/// The rule, from what altbuild knows without decoding pixels (format and
/// size): a PNG at least 800 pixels wide whose aspect is within 2% of a
/// screen's (16:9, 16:10 or 4:3).
/// - PNG, because capture tools (Snipping Tool, macOS, PowerPoint's own
///   Screenshot button) save PNG, while cameras save JPEG, and a 4:3 photo of
///   a poster is not a screen.
/// - 800 pixels, because a whole screen or window is wider than that; small
///   pictures with text are logos, icons and buttons.
/// - Window chrome is not looked for: that needs the pixels, which
///   describers never decode.
public enum ScreenCapture {
    public static let minimumWidth = 800
    public static let aspects: [(width: Int, height: Int)] = [(16, 9), (16, 10), (4, 3)]
    public static let aspectTolerance = 0.02

    public static func looksLikeOne(format: ImageFormat, width: Int?, height: Int?) -> Bool {
        guard format == .png, let width, let height, width >= minimumWidth, height > 0 else { return false }
        let ratio = Double(width) / Double(height)
        return aspects.contains { aspect in
            let screen = Double(aspect.width) / Double(aspect.height)
            return abs(ratio - screen) <= aspectTolerance * screen
        }
    }
}
