import AltbuildSupport
/// A shape's position and size in EMUs (914,400 per inch), in the coordinate
/// space of its container (the slide, or the enclosing group).
public struct Frame: Sendable, Equatable, Codable {
    public var x: Int64
    public var y: Int64
    public var width: Int64
    public var height: Int64

    public init(x: Int64, y: Int64, width: Int64, height: Int64) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }

    public var area: Double { Double(width) * Double(height) }
    public var maxX: Int64 { x + width }
    public var maxY: Int64 { y + height }
}
