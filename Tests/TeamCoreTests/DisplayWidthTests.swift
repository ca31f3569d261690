import Testing
import TermText

@Suite struct DisplayWidthTests {
    @Test(arguments: [
        ("abc", 3), ("美咲", 4), ("지민", 4), ("Zoë", 3), ("e\u{301}", 1), ("🚀", 2), ("Sam 🚀", 6),
        ("👨‍👩‍👧", 2), ("🇩🇪", 2), ("👍🏽", 2), ("ｆｕｌｌ", 8), ("", 0), ("\u{200B}", 0), ("東京 窓口", 9),
    ])
    func widths(_ text: String, _ cells: Int) {
        #expect(TerminalText.width(of: text) == cells)
    }

    @Test func emojiSequencesAreDrawnAsTheirFirstEmoji() {
        #expect(TerminalText.displayForm(of: "👨‍👩‍👧") == "👨")
        #expect(TerminalText.displayForm(of: "👍🏽") == "👍")
        #expect(TerminalText.displayForm(of: "🇩🇪") == "🇩🇪")
        #expect(TerminalText.displayForm(of: "e\u{301}") == "e\u{301}")
    }

    @Test func truncationNeverSplitsAWideCharacter() {
        #expect(TerminalText.truncate("美咲田中", toWidth: 5) == "美咲…")
        #expect(TerminalText.truncate("美咲田中", toWidth: 4) == "美… ")
        #expect(TerminalText.width(of: TerminalText.truncate("美咲田中", toWidth: 5)) == 5)
        #expect(TerminalText.truncate("abcdef", toWidth: 4) == "abc…")
        #expect(TerminalText.truncate("abc", toWidth: 4) == "abc")
        #expect(TerminalText.truncate("abcdef", toWidth: 4, ellipsis: "~") == "abc~")
        #expect(TerminalText.pad("ab", toWidth: 4) == "ab  ")
        #expect(TerminalText.pad("美咲田中", toWidth: 3) == "美…")
    }
}
