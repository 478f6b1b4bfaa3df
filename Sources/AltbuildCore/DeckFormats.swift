/// The file types altbuild treats as decks: presentations, macro-enabled
/// presentations, shows and templates, all PresentationML packages.
public enum DeckFormats {
    public static let extensions: Set<String> = ["pptx", "pptm", "ppsx", "potx"]
    /// PowerPoint's lock files for open decks (`~$talk.pptx`) are not decks.
    public static let skippedPrefixes = ["~$"]
}
