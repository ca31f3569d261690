import Testing
@testable import TermText
@testable import TermUI

@Suite(.timeLimit(.minutes(10))) struct ScriptGridTests {
    @Test func aConjunctIsDrawnAcrossItsCellsWithEveryScalar() {
        for text in ["नमस्ते क्षत्रिय", "ｶﾞｷﾞ", "கொழும்பு", "\u{1112}\u{1161}\u{11AB}"] {
            var grid = Grid(size: Size(cols: 30, rows: 1))
            let written = grid.put(text, x: 0, y: 0)
            #expect(written == TerminalText.width(of: text), "\(text)")
            #expect(grid.text() == text, "\(text)")
        }
    }

    @Test func aClusterThatDoesNotFitIsLeftOutWhole() {
        var grid = Grid(size: Size(cols: 10, rows: 1))
        #expect(grid.put("ab क्ष", x: 0, y: 0, maxWidth: 4) == 3)
        #expect(grid.text() == "ab")
    }
}
