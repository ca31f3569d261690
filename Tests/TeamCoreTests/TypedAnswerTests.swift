import Testing
import TeamCore

/// Typed confirmations: exact, except a phone number may be typed as people write it.
@Suite struct TypedAnswerTests {
    @Test(arguments: ["+14155550123", "+1 415-555-0123", "+1 (415) 555-0123", "+1.415.555.0123", "  +1 415 555 0123 "])
    func aNumberMayBeTypedWithTheUsualPunctuation(_ typed: String) {
        #expect(TypedAnswer.matches(typed, expected: "+1 415-555-0123"))
        #expect(TypedAnswer.matches(typed, expected: "+14155550123"))
    }

    @Test(arguments: ["+1 415-555-012", "+1 415-555-01234", "1 415 555 0123", "+1 415/555/0123", "+1 415-555-0124", ""])
    func everyDigitAndThePlusStillCount(_ typed: String) {
        #expect(!TypedAnswer.matches(typed, expected: "+1 415-555-0123"))
    }

    @Test func otherAnswersStayStrictApartFromCaseAndSurroundingSpaces() {
        #expect(TypedAnswer.matches("Member@Acme.test ", expected: "member@acme.test"))
        #expect(!TypedAnswer.matches("member@acme.tes", expected: "member@acme.test"))
        #expect(!TypedAnswer.matches("NightShift", expected: "Night-Shift"), "punctuation counts in a name")
        #expect(!TypedAnswer.matches("Night Shift", expected: "Night.Shift"))
        #expect(!TypedAnswer.matches("12", expected: "1-2"), "a count is not a phone number")
    }

    @Test func e164ReadsOnlyWholeNumbers() {
        #expect(TypedAnswer.e164("+44 20 7183 8750") == "+442071838750")
        #expect(TypedAnswer.e164("Ann Lee") == nil)
        #expect(TypedAnswer.e164("0044 20 7183 8750") == nil, "00 is for the reading at the edge, not a confirmation")
    }
}
