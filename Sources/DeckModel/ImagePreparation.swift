/// How the worker prepares a deck's pictures before any describer sees them.
///
/// A picture's header can declare 40,000 × 40,000 pixels in a few kilobytes;
/// whatever decodes it then needs gigabytes. The budget is checked on the
/// declared size, before anything decodes, and pictures over it are left
/// for a person to describe.
public struct ImagePreparation: Sendable, Equatable {
    /// Declared width × height above which a picture is not decoded.
    public var maxPixels: Int
    /// Pictures whose longest side is over this are scaled down in the
    /// worker (for vision models); 0 never scales.
    public var longestSide: Int

    public static let defaultMaxPixels = 50_000_000

    public init(maxPixels: Int = ImagePreparation.defaultMaxPixels, longestSide: Int = 0) {
        self.maxPixels = maxPixels
        self.longestSide = longestSide
    }
}
