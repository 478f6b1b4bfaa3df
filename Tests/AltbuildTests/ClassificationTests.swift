import Testing
@testable import OOXML

@Suite struct ClassificationTests {
    func state(_ descr: String?, name: String = "Picture 3", decorative: Bool = false) -> AltTextState {
        AltTextState.classify(descr: descr, shapeName: name, decorative: decorative)
    }

    @Test func missing() {
        #expect(state(nil) == .missing)
        #expect(state("") == .missing)
        #expect(state("  \n\t ") == .missing)
    }

    @Test func placeholders() {
        #expect(state("image.png") == .placeholder)
        #expect(state("IMG_1234.JPG") == .placeholder)
        #expect(state("C:\\Users\\me\\Pictures\\photo 2.jpeg") == .placeholder)
        #expect(state("Picture 3") == .placeholder)
        #expect(state("Picture 7", name: "Other") == .placeholder)
        #expect(state("Content Placeholder 12") == .placeholder)
        #expect(state("My shape", name: "My shape") == .placeholder)
        #expect(state("DSC01234") == .placeholder)
    }

    @Test func automaticText() {
        #expect(state("A picture containing text\n\nDescription automatically generated") == .automatic)
        #expect(state("Chart, bar chart Description automatically generated with medium confidence") == .automatic)
    }

    @Test func humanText() {
        #expect(state("A red bicycle leaning on a wall") == .human)
        #expect(state("The logo of our team, as in logo.png") == .human)
        #expect(state("Picture of the team in 2023") == .human)
        #expect(state("Table") == .placeholder)
        #expect(state("Timeline of the project") == .human)
    }

    @Test func decorativeWins() {
        #expect(state(nil, decorative: true) == .decorative)
        #expect(state("A red bicycle", decorative: true) == .decorative)
    }
}
