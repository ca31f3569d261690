import CPhoneNumber
import TeamCore
import TermText

/// Phone numbers as people write them, checked against Google's
/// libphonenumber: the edge (command line, CSV import) and the store use this
/// so that only numbers that can exist become inboxes, always in E.164.
///
/// It is a separate target so that TeamCore, and everything that uses only
/// it (most tests), does not link C++ and libphonenumber's libraries;
/// ``PhoneNumber`` itself stays a plain core value. The interface uses it
/// for the numbers typed into its prompts.
public enum PhoneNumbers {
    /// Accepts `+1 415 555 0102`, `+1 (415) 555-0102`, `0044 20 7183 8750`;
    /// returns the E.164 number. Refuses, with the reason, numbers that
    /// cannot exist (a digit short, a range nobody uses, no country code).
    public static func parse(_ text: String) throws(ValidationError) -> PhoneNumber {
        var e164 = [CChar](repeating: 0, count: 32)
        var region = [CChar](repeating: 0, count: 8)
        let status = cpn_parse(text, &e164, e164.count, &region, region.count)
        guard status == CPN_OK else {
            throw ValidationError(field: "phone", message: message(for: status, text: text, region: string(region)))
        }
        // libphonenumber's E.164 output always has the core's shape.
        return PhoneNumber(stored: string(e164))
    }

    /// Checks a number built by code (already E.164) the same way.
    public static func check(_ number: PhoneNumber) throws(ValidationError) {
        _ = try parse(number.value)
    }

    /// For people: `+1 415-555-0102`, `+44 20 7183 8750`. The E.164 text when
    /// libphonenumber cannot format it (a number stored by an older version).
    public static func display(_ number: PhoneNumber) -> String {
        var out = [CChar](repeating: 0, count: 48)
        guard cpn_format_international(number.value, &out, out.count) == CPN_OK else { return number.value }
        return string(out)
    }

    /// The two-letter region (`US`, `GB`), or nil when unknown.
    public static func region(_ number: PhoneNumber) -> String? {
        var out = [CChar](repeating: 0, count: 8)
        guard cpn_region_code(number.value, &out, out.count) == CPN_OK else { return nil }
        let code = string(out)
        return code == "ZZ" || code.isEmpty ? nil : code
    }

    static func message(for status: cpn_status, text: String, region: String) -> String {
        if status == CPN_TEXT_TOO_LONG {
            // Echo only the start: the whole text could be megabytes.
            let start = TerminalText.sanitize(String(text.prefix(24)))
            return "'\(start)…' (\(text.utf8.count) bytes) is not a phone number: longer than \(CPN_MAX_TEXT_LENGTH) characters"
        }
        let shown = "'" + TerminalText.sanitize(text) + "'"
        let country = region.isEmpty ? "" : " in \(region)"
        let why: String = switch status {
        case CPN_EMPTY: "it is empty"
        case CPN_BAD_CHARACTER: "only digits, spaces and + ( ) - . / may be used"
        case CPN_NO_COUNTRY_CODE: "start it with + and the country code (or 00)"
        case CPN_INVALID_COUNTRY_CODE: "no country has that code"
        case CPN_TOO_SHORT: "too short for a number\(country)"
        case CPN_TOO_LONG: "too long for a number\(country)"
        case CPN_INVALID_LENGTH: "no number\(country) has that many digits"
        case CPN_NOT_IN_USE: "no number\(country) has this form (check the digits and how many there are)"
        case CPN_EXTENSION: "an extension cannot be an inbox; leave it out"
        default: "it could not be read as a phone number"
        }
        if status == CPN_EMPTY { return "phone number is empty" }
        return "\(shown) is not a phone number that can exist: \(why); e.g. +1 415 555 0102 or +44 20 7183 8750"
    }

    private static func string(_ buffer: [CChar]) -> String {
        String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
