/// `[policy] long-descriptions` / `--long-descriptions`: where the full data
/// of a chart or diagram goes when the ALT text has room only for its gist
/// (W3C's two-part pattern for complex images).
public enum LongDescriptions: String, Sendable, CaseIterable {
    /// Nowhere: the ALT text is all. A block altbuild wrote into the notes
    /// earlier is taken out, since nothing would keep it up to date.
    case off
    /// Into the slide's speaker notes, in a block altbuild owns (`NotesBlock`);
    /// the ALT text then says the full data is there.
    case notes
}
