import Testing
@testable import TeamCore

/// Names are read as they look: what shows as a space is a space, what shows
/// as nothing is nothing (emoji sequences excepted), and a name that shows
/// nothing is empty. See `NameCharacters` for the choice per class.
@Suite(.timeLimit(.minutes(10))) struct LookAlikeNameTests {
    @Test(arguments: [
        "Night\u{A0}shift", "Night\u{3000}shift", "Night\u{2002}shift", "Night\u{2003}shift", "Night\u{2009}shift",
        "Night\u{202F}shift", "Night\u{205F}shift", "Night\u{1680}shift", "Night\u{2800}shift", "Night\tshift",
        "\u{A0}Night shift\u{3000}", "Night\u{2060} \u{200B}shift",
    ])
    func everyWhitespaceIsReadAsAPlainSpace(_ input: String) throws {
        #expect(try DisplayName(input).value == "Night shift")
    }

    /// Runs are kept, as they were: two spaces take two cells, which shows.
    @Test func aRunOfSpacesStaysARunOfPlainSpaces() throws {
        #expect(try DisplayName("Night\u{A0}\u{3000}shift").value == "Night  shift")
        #expect(try DisplayName("Night  shift").value == "Night  shift")
        #expect(!Group.sameName("Night  shift", "Night shift"))
    }

    @Test(arguments: [
        "Night shift\u{2060}", "Night shift\u{200B}", "Nig\u{AD}ht shift", "\u{FEFF}Night shift", "Night\u{2061}\u{2064} shift",
        "Night shift\u{E0041}\u{E0042}", "Night\u{180E} shift", "Night \u{3164}shift", "Night shift\u{FFA0}",
        "Night shift\u{115F}\u{1160}", "Ni\u{200C}ght shift", "Nig\u{200D}ht shift", "Night\u{FE0F} shift",
        "Night\u{E0100} shift", "Night\u{34F} shift",
    ])
    func defaultIgnorableCharactersAreRemoved(_ input: String) throws {
        #expect(try DisplayName(input).value == "Night shift")
    }

    @Test(arguments: [
        "👨\u{200D}👩\u{200D}👧 Family", "❤\u{FE0F} Team", "☎\u{FE0E} Desk", "1\u{FE0F}\u{20E3} First", "👍🏽 Sales",
        "🏴\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F} Leeds", "🇯🇵 Tokyo", "🧑\u{200D}💻 Dev",
    ])
    func emojiSequencesKeepTheirJoinersSelectorsAndTags(_ input: String) throws {
        #expect(try DisplayName(input).value == input)
    }

    /// Between two letters of scripts that use them, a non-joiner or joiner
    /// changes how the word is written: kept (removed between Latin letters above).
    @Test(arguments: ["\u{645}\u{6CC}\u{200C}\u{62E}\u{648}\u{627}\u{647}\u{645}", "\u{915}\u{94D}\u{200D}\u{937}"])
    func joinersBetweenLettersOfOtherScriptsAreKept(_ input: String) throws {
        #expect(try DisplayName(input).value == input)
        #expect(try DisplayName(input + "\u{200C}").value == input, "one that joins nothing goes")
    }

    /// Tags hide text unless they spell one of the three flags Unicode
    /// recommends; a joiner that joins nothing is removed.
    @Test func onlyRealEmojiSequencesKeepTheirInvisibleParts() throws {
        let hidden = "🏴\u{E0073}\u{E0065}\u{E0063}\u{E0072}\u{E0065}\u{E0074}\u{E007F}"
        #expect(try DisplayName("Ops " + hidden).value == "Ops 🏴")
        #expect(try DisplayName("Ops 👨\u{200D}").value == "Ops 👨")
        #expect(try DisplayName("Ops 1\u{FE0F}").value == "Ops 1")
    }

    /// Removing what sits between a letter and its accent leaves one NFC letter.
    @Test func removalKeepsTheNameNFC() throws {
        #expect(try DisplayName("Jose\u{200B}\u{301}").value == "Jos\u{E9}")
    }

    @Test(arguments: ["\u{3164}", "\u{2800}", "\u{115F}", "\u{FFA0}", "\u{200B}", "   ", "\u{A0}\u{2060}\u{3000}", "\u{AD}", "\u{E0020}"])
    func aNameThatShowsNothingIsEmpty(_ input: String) {
        #expect(throws: ValidationError(field: "name", message: "name is empty: it has no visible character")) {
            try DisplayName(input)
        }
    }

    /// Bidirectional controls are default-ignorable too, but are refused,
    /// as they always were, not silently removed: they reorder what is shown.
    @Test(arguments: ["rtl\u{202E}gnp.exe", "a\u{200E}b", "a\u{200F}b", "a\u{2066}b\u{2069}", "a\u{61C}b", "a\u{2028}b"])
    func bidiControlsAndLineSeparatorsAreStillRefused(_ input: String) {
        #expect {
            try DisplayName(input)
        } throws: { error in
            (error as? ValidationError)?.message.contains("contains control character U+") == true
        }
    }

    @Test func namesThatLookTheSameAreTheSameGroup() {
        #expect(Group.sameName("Night shift", "night\u{A0}shift\u{2060}"))
        #expect(Group.sameName("Night\u{A0}shift", "NIGHT SHIFT"))   // a row stored before this rule
        #expect(!Group.sameName("Night shift", "Nightshift"))
        #expect(!Group.sameName("❤\u{FE0F}", "❤"))
        #expect(DisplayName.key("Night\u{3000}Shift\u{200B}") == "night shift")
    }

    /// A name as stored is its own key's source: reading it again changes nothing.
    @Test(arguments: ["Night\u{A0}shift", "👨\u{200D}👩\u{200D}👧", "a\u{200B}b", "Ann  Lee"])
    func readingAStoredNameAgainChangesNothing(_ input: String) throws {
        let stored = try DisplayName(input).value
        #expect(try DisplayName(stored).value == stored)
    }
}
