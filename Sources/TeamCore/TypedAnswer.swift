/// Whether the text typed to confirm a destructive change is the text asked
/// for: one rule for the command line and the interface.
///
/// Strict: the same text as names are compared (as they look: a no-break
/// space reads as a space, invisible characters count for nothing) and
/// ignoring letter case (an email's case means nothing). A phone number is the exception,
/// as it is everywhere numbers are read from people: asked for as
/// `+1 415-555-0123`, it may be typed `+14155550123` or `+1 (415) 555 0123`;
/// spaces, dashes, dots and parentheses are ignored, every digit must match.
public enum TypedAnswer {
    public static func matches(_ typed: String, expected: String) -> Bool {
        let answer = typed.trimmingCharacters(in: .whitespaces)
        if DisplayName.key(answer) == DisplayName.key(expected) { return true }
        guard let number = e164(expected) else { return false }
        return strippedOfPunctuation(answer) == number
    }

    /// The E.164 text of `text` written with number punctuation
    /// (`+1 (415) 555-0123` → `+14155550123`), or nil when it is not a number.
    public static func e164(_ text: String) -> String? {
        let stripped = strippedOfPunctuation(text)
        guard let number = try? PhoneNumber(stripped), number.value == stripped else { return nil }
        return number.value
    }

    private static func strippedOfPunctuation(_ text: String) -> String {
        String(text.filter { !" -.()".contains($0) })
    }
}
