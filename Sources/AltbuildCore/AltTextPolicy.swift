public import DeckModel

/// Which existing ALT text altbuild may replace, and when it marks a slot
/// decorative instead of describing it.
///
/// The default replaces only what is not a description at all (missing text
/// and file-name or shape-name placeholders). PowerPoint's unreviewed
/// automatic text is reported but kept unless `replaceAutomatic` is set,
/// because a vision model's guess beats the builtin describer's context-only
/// text for photos. Human text is kept unless `overwrite` is set, and
/// decorative slots are always left alone.
public struct AltTextPolicy: Sendable, Equatable {
    public var replaceAutomatic = false
    public var overwrite = false
    /// Pictures covering less than this percentage of the slide, with no ALT
    /// text of their own, are marked decorative instead of described. 0 turns
    /// this off (the default: only a person can really judge decoration).
    public var decorativeBelowPercent: Double = 0
    /// Write context text ("Picture captioned “…”") where a describer knew
    /// nothing else (`--fallback context`). Off by default: such text only
    /// echoes the slide, and a filled ALT field hides the gap from every
    /// checker. Even when written, it stays `generated`, not reviewed.
    public var fallbackContext = false
    /// Which pictures without text are found decorative (`DecorativeDetector`).
    public var decorativeDetection = DecorativeDetection.detect
    /// Where charts' and diagrams' full data goes (`--long-descriptions`).
    public var longDescriptions = LongDescriptions.off

    public init(replaceAutomatic: Bool = false, overwrite: Bool = false, decorativeBelowPercent: Double = 0,
                fallbackContext: Bool = false, decorativeDetection: DecorativeDetection = .detect,
                longDescriptions: LongDescriptions = .off) {
        self.replaceAutomatic = replaceAutomatic
        self.overwrite = overwrite
        self.decorativeBelowPercent = decorativeBelowPercent
        self.fallbackContext = fallbackContext
        self.decorativeDetection = decorativeDetection
        self.longDescriptions = longDescriptions
    }

    public enum Action: Equatable {
        case keep
        case describe
        case markDecorative
    }

    public func action(for slot: Slot, slideSize: Frame?) -> Action {
        switch slot.state {
        case .decorative: return .keep
        case .human: return overwrite ? .describe : .keep
        case .automatic: return (replaceAutomatic || overwrite) ? .describe : .keep
        case .missing, .placeholder:
            if isSmallPicture(slot, slideSize: slideSize) { return .markDecorative }
            return .describe
        }
    }

    private func isSmallPicture(_ slot: Slot, slideSize: Frame?) -> Bool {
        // A picture with a link is a control: hiding it hides the link.
        guard decorativeBelowPercent > 0, slot.link == nil, slot.kind == .picture || slot.kind == .pictureFill,
              slot.groupDepth == 0, let frame = slot.frame, let slide = slideSize, slide.area > 0 else { return false }
        return frame.area / slide.area * 100 < decorativeBelowPercent
    }
}
