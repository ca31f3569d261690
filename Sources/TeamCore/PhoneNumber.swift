/// A phone number in E.164 form: `+`, then 8 to 15 digits, the first not 0.
///
/// Only E.164 is stored, so that one number has exactly one spelling and
/// cannot be added twice as two different-looking inboxes. This type checks
/// the shape only; whether the number can exist, and reading the ways people
/// write numbers, is TeamPhone's (libphonenumber), used by the command line,
/// the CSV import, the interface's prompts and the store. The core stays free of C++.
public struct PhoneNumber: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let value: String

    public init(_ text: String) throws(ValidationError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        func fail(_ why: String) -> ValidationError {
            ValidationError(field: "phone",
                message: "'\(text)' is not an E.164 number (\(why)); write it as + and 8-15 digits, e.g. +14159004009")
        }
        guard trimmed.hasPrefix("+") else { throw fail("it must start with +") }
        let digits = trimmed.dropFirst()
        guard digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { throw fail("only digits may follow +") }
        guard (8...15).contains(digits.count) else { throw fail("it has \(digits.count) digits") }
        guard digits.first != "0" else { throw fail("no country code starts with 0") }
        value = trimmed
    }

    /// A number read back from the workspace, validated when it was stored.
    public init(stored value: String) { self.value = value }

    public var description: String { value }

    public static func < (lhs: PhoneNumber, rhs: PhoneNumber) -> Bool { lhs.value < rhs.value }
}
