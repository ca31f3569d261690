import Foundation
import Testing
import TeamCore
@testable import TeamPhone

/// Numbers as people write them, from several countries, through libphonenumber.
@Suite(.timeLimit(.minutes(10))) struct PhoneNumbersTests {
    /// Public numbers of real offices (and the demo's fictional 555-01xx
    /// range, which the North American plan reserves for fiction and which
    /// libphonenumber counts as valid), written the ways people write them.
    static let accepted: [(written: String, e164: String, shown: String, region: String)] = [
        ("+1 415 555 0102", "+14155550102", "+1 415-555-0102", "US"),
        ("+1 (415) 555-0102", "+14155550102", "+1 415-555-0102", "US"),
        ("+14155550100", "+14155550100", "+1 415-555-0100", "US"),
        ("+1 202-456-1111", "+12024561111", "+1 202-456-1111", "US"),
        ("0044 20 7183 8750", "+442071838750", "+44 20 7183 8750", "GB"),
        ("+44 7911 123456", "+447911123456", "+44 7911 123456", "GG"),
        ("+49 30 901820", "+4930901820", "+49 30 901820", "DE"),
        ("0049 1512 3456789", "+4915123456789", "+49 1512 3456789", "DE"),
        ("+33 1 42 68 53 00", "+33142685300", "+33 1 42 68 53 00", "FR"),
        ("+81 3-3580-3311", "+81335803311", "+81 3-3580-3311", "JP"),
        ("+81 90-1234-5678", "+819012345678", "+81 90-1234-5678", "JP"),
        ("+61 2 9374 4000", "+61293744000", "+61 2 9374 4000", "AU"),
        ("+91 11 2301 2345", "+911123012345", "+91 11 2301 2345", "IN"),
        ("+55 11 3030-3030", "+551130303030", "+55 11 3030-3030", "BR"),
        ("+41.44.668.18.00", "+41446681800", "+41 44 668 18 00", "CH"),
        ("+27 21 460 9111", "+27214609111", "+27 21 460 9111", "ZA"),
        ("  +65 6123 4567 ", "+6561234567", "+65 6123 4567", "SG"),
    ]

    @Test(arguments: accepted)
    func acceptsTheWaysPeopleWriteNumbers(_ example: (written: String, e164: String, shown: String, region: String)) throws {
        let number = try PhoneNumbers.parse(example.written)
        #expect(number.value == example.e164)
        #expect(PhoneNumbers.display(number) == example.shown)
        #expect(PhoneNumbers.region(number) == example.region)
    }

    /// Numbers that cannot exist, with the words of the reason given.
    static let refused: [(written: String, reason: String)] = [
        ("+1415555010", "too short for a number in US"),            // one digit short
        ("+1 415 555 01023", "too long for a number in US"),
        ("+1 415 055 0102", "no number in US has this form"),        // exchanges never start with 0
        ("+44 20 7183 875", "no number in GB has this form"),        // one digit short, a length GB uses elsewhere
        ("+33 1 42 68 53", "too short for a number in FR"),
        ("+49 30 901820 12345 6789", "too long for a number in DE"),
        ("+999 123 4567", "no country has that code"),
        ("415 555 0102", "start it with + and the country code (or 00)"),
        ("020 7183 8750", "start it with + and the country code (or 00)"),
        ("+1 800 FLOWERS", "only digits, spaces and + ( ) - . / may be used"),
        ("+1 415 555 0102 ext. 7", "only digits, spaces and + ( ) - . / may be used"),
        ("+1 415 555 0102\n", "only digits, spaces and + ( ) - . / may be used"),
        ("+1 4+15 555 0102", "start it with + and the country code (or 00)"),
        ("+", "could not be read as a phone number"),
    ]

    @Test(arguments: refused)
    func refusesNumbersThatCannotExistAndSaysWhy(_ example: (written: String, reason: String)) {
        #expect {
            try PhoneNumbers.parse(example.written)
        } throws: { error in
            guard let error = error as? ValidationError else { return false }
            return error.field == "phone" && error.message.contains(example.reason)
        }
    }

    @Test func anEmptyNumberIsNamedAsEmpty() {
        #expect(throws: ValidationError(field: "phone", message: "phone number is empty")) { try PhoneNumbers.parse("  ") }
    }

    /// A refused number is echoed with its control characters escaped, never raw.
    @Test func theEchoedTextCarriesNoRawControlCharacter() throws {
        do {
            _ = try PhoneNumbers.parse("+1 415\n\u{1B}[2J")
            Issue.record("accepted a number with control characters")
        } catch {
            #expect(!error.message.unicodeScalars.contains { $0.value < 0x20 })
            #expect(error.message.contains("\\n\\x1b[2J"))
        }
    }

    /// libphonenumber's regular expressions took 8 s on 16 kB of "1-" and
    /// longer the longer the text (found by bench/reliability.sh): a text
    /// longer than any number as written is refused before it is read, and
    /// only its start is echoed.
    @Test func aTextLongerThanAnyNumberIsRefusedAtOnce() throws {
        let long = "+1" + String(repeating: "1-", count: 8_000)
        let clock = ContinuousClock()
        let started = clock.now
        do {
            _ = try PhoneNumbers.parse(long)
            Issue.record("accepted 16 kB as a phone number")
        } catch {
            #expect(error.message.contains("longer than 64 characters"))
            #expect(error.message.count < 200, "the whole text is not echoed")
        }
        #expect(clock.now - started < .seconds(1))
        #expect(PhoneNumbers.display(PhoneNumber(stored: long)) == long, "a stored one is shown as stored, not parsed")
        #expect(PhoneNumbers.region(PhoneNumber(stored: long)) == nil)
        // The longest texts people write still parse.
        #expect(try PhoneNumbers.parse("0044 20 7183 8750".padding(toLength: 64, withPad: " ", startingAt: 0)).value == "+442071838750")
    }

    @Test func aStoredNumberIsCheckedTheSameWay() throws {
        try PhoneNumbers.check(PhoneNumber(stored: "+14155550100"))
        #expect(throws: ValidationError.self) { try PhoneNumbers.check(PhoneNumber(stored: "+1415555010")) }
    }

    /// A number libphonenumber cannot format is shown as stored.
    @Test func anUnformattableNumberIsShownAsStored() {
        #expect(PhoneNumbers.display(PhoneNumber(stored: "+999123")) == "+999123")
    }
}
