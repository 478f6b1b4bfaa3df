import AltbuildSupport
/// What kind of object an ALT-text slot holds. Raw values are the stable
/// names used in `inspect --json` and in cache keys.
public enum SlotKind: String, Sendable, CaseIterable, Codable {
    case picture
    case pictureFill = "picture-fill"
    case video
    case audio
    case chart
    case chartex
    case table
    case diagram
    case oleObject = "ole-object"
    case model3D = "model-3d"
    case group
    /// A graphic frame whose graphic altbuild does not recognise.
    case graphic
}
