/// Where clicking a slot goes (`a:hlinkClick` on its `cNvPr`). A picture
/// with a link is a control, not an illustration: it is never decorative,
/// and its ALT text says what the link does.
public enum SlotLink: Sendable, Equatable, Codable {
    /// An external link (a web page, a mail address, a file).
    case url(String)
    /// A jump to another slide of the deck, by its number.
    case slide(Int)
    /// A relative jump: `nextslide`, `previousslide`, `firstslide`, `lastslide`, `lastslideviewed`, `endshow`.
    case jump(String)
    /// Anything else PowerPoint can do on a click: run a program or macro, play media.
    case action(String)
}
