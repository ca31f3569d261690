import Testing
@testable import TermText

@Suite(.timeLimit(.minutes(10))) struct DisplayWidthTests {
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
        #expect(TerminalText.displayForm(of: "🇩🇪") == "DE", "a flag is drawn as its two letters")
        #expect(TerminalText.displayForm(of: "e\u{301}") == "e\u{301}")
    }

    /// A lone regional indicator (one half of a flag, maybe with marks after
    /// it) is drawn as its one letter; it was measured at two cells, so a
    /// padded column came out one cell short (found by bench/reliability.sh).
    @Test(arguments: ["\u{1F1EC}", "\u{1F1FA}\u{301}", "\u{1F1EC}\u{E0041}", "\u{1F1FA}\u{200D}"])
    func aLoneRegionalIndicatorIsMeasuredAsTheLetterDrawn(_ text: String) {
        let character = Character(text)
        #expect(TerminalText.displayForm(of: character).count == 1)
        #expect(TerminalText.width(of: character) == 1)
        #expect(TerminalText.cellUnits(of: character).reduce(0) { $0 + $1.width } == 1)
    }

    @Test func aFlagThenHalfAFlagIsTwoLettersThenOne() {
        #expect(TerminalText.displayText("\u{1F1FA}\u{1F1F8}\u{1F1EC}") == "USG")
        #expect(TerminalText.width(of: "\u{1F1FA}\u{1F1F8}\u{1F1EC}") == 3)
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

@Suite(.timeLimit(.minutes(10))) struct DisplayWidthShortcutTests {
    /// The table of known widths must say exactly what the general rule says.
    @Test func knownWidthsAgreeWithTheGeneralRule() {
        for value in UInt32(0)...0x3000 {
            guard let scalar = Unicode.Scalar(value), let known = TerminalText.knownWidth(value) else { continue }
            let character = Character(scalar)
            #expect(known == TerminalText.measuredWidth(of: character), "U+\(String(value, radix: 16))")
        }
    }

    @Test(arguments: ["a", "é", "e\u{301}", "\r\n", "─", "…", "✓", "美", "🚀", "👍🏽", "🇩🇪", "\u{AD}", "\u{10FFFF}"])
    func singleScalarsAreReadFromUTF8(_ character: Character) {
        let scalars = Array(character.unicodeScalars)
        #expect(TerminalText.singleScalar(character) == (scalars.count == 1 ? scalars[0].value : nil))
    }

    @Test(arguments: ["abc", "a b~", "", "\r\n", "Zoë", "tab\there", "e\u{301}"])
    func asciiShortcutAgreesWithGraphemeSum(_ text: String) {
        #expect(TerminalText.width(of: text) == text.reduce(0) { $0 + TerminalText.measuredWidth(of: $1) })
    }
}

@Suite(.timeLimit(.minutes(10))) struct DisplayTextTests {
    @Test func tableTextReducesSequencesSoWidthsAgree() {
        let text = TerminalText.displayText("Ann 👨‍👩‍👧 🇯🇵 👍🏽")
        #expect(text == "Ann 👨 JP 👍")
        #expect(TerminalText.width(of: text) == 4 + 2 + 1 + 2 + 1 + 2)
    }
}

@Suite(.timeLimit(.minutes(10))) struct ShortenTests {
    @Test func emailsKeepTheirDomainAndBothEndsOfTheLocalPart() {
        #expect(TerminalText.shortenEmail("ana-maria.jensen.3@demo.example", toWidth: 40) == "ana-maria.jensen.3@demo.example")
        let short = TerminalText.shortenEmail("ana-maria.jensen.3@demo.example", toWidth: 24)
        #expect(short == "ana-mar…n.3@demo.example")
        #expect(TerminalText.width(of: short) == 24)
        // Two rows that differ only at the end of the local part still differ.
        let nine = TerminalText.shortenEmail("kwame.cohen.9@demo.example", toWidth: 22)
        let twelve = TerminalText.shortenEmail("kwame.cohen.12@demo.example", toWidth: 22)
        #expect(nine != twelve)
        #expect(nine.hasSuffix(".9@demo.example") || nine.hasSuffix("9@demo.example"))
        // No room for the domain: the whole address is cut in the middle.
        let tiny = TerminalText.shortenEmail("someone@a-very-long-domain.example", toWidth: 12)
        #expect(TerminalText.width(of: tiny) == 12 && tiny.contains("…"))
    }

    @Test func wideCharactersNeverStraddleTheCut() {
        let cut = TerminalText.shortenMiddle("美咲美咲美咲美咲美咲", toWidth: 9)
        #expect(TerminalText.width(of: cut) <= 9)
        #expect(cut.contains("…"))
    }
}
