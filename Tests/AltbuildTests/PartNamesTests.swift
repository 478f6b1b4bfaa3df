import Testing
@testable import OOXML

/// Relationship targets resolved against their source part, as OPC says.
@Suite struct PartNamesTests {
    static let cases: [(target: String, source: String, part: String)] = [
        ("slides/slide1.xml", "ppt/presentation.xml", "ppt/slides/slide1.xml"),
        ("../media/image1.png", "ppt/slides/slide1.xml", "ppt/media/image1.png"),
        ("/ppt/x.xml", "ppt/slides/slide1.xml", "ppt/x.xml"),
        ("ppt/presentation.xml", "", "ppt/presentation.xml"),
        ("../../../x", "ppt/slides/slide1.xml", "x"),
        ("./a/./b//c", "ppt/slides/s.xml", "ppt/slides/a/b/c"),
        ("a%20b.png", "ppt/slides/s.xml", "ppt/slides/a b.png"),
        ("%FF.png", "p/s.xml", "p/\u{FFFD}.png"),
        ("%zz", "p/s.xml", "p/%zz"),
        ("%2", "p/s.xml", "p/%2"),
        ("%2e%2e/x", "p/q/s.xml", "p/x"),
        ("..", "ppt/slides/s.xml", "ppt"),
        ("", "ppt/s.xml", "ppt"),
        ("/", "p/s.xml", ""),
        ("media/\u{E9}t\u{E9}.png", "ppt/s.xml", "ppt/media/\u{E9}t\u{E9}.png"),
        // The source's own folder is taken as it is.
        ("x", "a/../b/s.xml", "a/../b/x"),
        ("../y", "a/../b/s.xml", "a/../y"),
        ("x", "//a//s.xml", "a/x"),
    ]

    @Test(arguments: cases) func targetsResolve(_ row: (target: String, source: String, part: String)) {
        #expect(PartNames.resolve(row.target, from: row.source) == row.part)
    }
}
