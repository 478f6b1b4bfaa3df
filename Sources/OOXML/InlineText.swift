import AltbuildSupport
/// The DrawingML text under `element` as one line: a line break (`a:br`) or
/// the end of a paragraph becomes a space, and runs of whitespace (tabs,
/// non-breaking spaces, line feeds typed into a run) collapse to one space.
///
/// Table cells and SmartArt nodes are labels, read inside a sentence: a cell
/// typed as "Charts⏎Are" must be heard as "Charts Are", never "ChartsAre".
func inlineText(_ element: XMLElement) -> String {
    var text = ""
    for node in element.descendants(where: { $0.is(.drawing, "t") || $0.is(.drawing, "br") || $0.is(.drawing, "p") }) {
        text += node.is(.drawing, "t") ? node.textContent : " "
    }
    return text.collapsingWhitespace()
}
