/// `[policy] decorative` / `--decorative`: which pictures without ALT text
/// altbuild marks decorative by itself. Every such decision is in the review
/// file with its reason, and a person overrides it with `review set`.
public enum DecorativeDetection: String, Sendable, CaseIterable {
    /// Repeats (a logo on every slide), icon arrays and tiny textures.
    case detect
    /// Only the same picture at the same place on several slides.
    case markOnlyRepeats = "mark-only-repeats"
    /// Nothing: every picture is described or left for a person.
    case off
}
