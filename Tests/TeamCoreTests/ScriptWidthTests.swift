import Testing
@testable import TermText

/// Real names in scripts whose grapheme clusters hold more than one spacing
/// character: every scalar is kept, and the width is what a terminal
/// (wcwidth, summed) gives them. Expected widths are glibc's `wcswidth`.
@Suite(.timeLimit(.minutes(10))) struct ScriptWidthTests {
    static let table: [(String, Int)] = [
        ("नमस्ते क्षत्रिय", 11),                                   // Devanagari conjuncts (virama-joined)
        ("क्ष", 2),
        ("\u{1112}\u{1161}\u{11AB}\u{1100}\u{1173}\u{11AF}", 4),   // Hangul in conjoining jamo
        ("한글", 4),                                                // Hangul precomposed
        ("ｶﾞｷﾞｸﾞ", 6),                                             // half-width katakana with voiced marks
        ("ﾊﾟﾝ", 3),
        ("தமிழ்", 4),                                               // Tamil vowel signs and virama
        ("கொழும்பு", 7),
        ("ক্ষমা", 4),                                               // Bengali conjunct
        ("น้ำ", 2),                                                 // Thai
        ("Zoë", 3), ("e\u{301}", 1),
    ]

    @Test(arguments: table)
    func widthsAgreeWithTheTerminal(_ text: String, _ cells: Int) {
        #expect(TerminalText.width(of: text) == cells)
    }

    @Test(arguments: table)
    func nothingOfAClusterIsDropped(_ text: String, _ cells: Int) {
        #expect(TerminalText.displayText(text) == text)
        let units = text.flatMap { TerminalText.cellUnits(of: $0) }
        #expect(units.map(\.text).joined() == text)
        #expect(units.reduce(0) { $0 + $1.width } == cells)
        // Each unit is one spacing character and the zero-width ones after it: one terminal cell.
        for unit in units { #expect(unit.width == 1 || unit.width == 2, "\(unit)") }
    }
}
