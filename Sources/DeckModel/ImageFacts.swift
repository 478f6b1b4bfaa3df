/// What the worker learnt about one picture without decoding it: its format
/// and declared size, and, when it will not be handed to any decoder, why.
public struct ImageFacts: Sendable, Equatable, Codable {
    public var format: ImageFormat
    public var width: Int?
    public var height: Int?
    /// Set when the picture is over the pixel budget: the reason, for the
    /// person who must describe it instead.
    public var refusal: String?

    public init(format: ImageFormat, width: Int? = nil, height: Int? = nil, refusal: String? = nil) {
        self.format = format
        self.width = width
        self.height = height
        self.refusal = refusal
    }
}
