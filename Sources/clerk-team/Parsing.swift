import TeamCore
import TeamPhone

/// Validates arguments at the edge, turning a bad value into a ``TeamError``
/// that names the field (exit status 1, workspace untouched).
enum Parse {
    static func email(_ text: String) throws -> EmailAddress {
        do { return try EmailAddress(text) } catch { throw TeamError.invalid(error) }
    }

    /// As people write numbers (`+1 (415) 555-0102`), checked by libphonenumber; E.164 out.
    static func phone(_ text: String) throws -> PhoneNumber {
        do { return try PhoneNumbers.parse(text) } catch { throw TeamError.invalid(error) }
    }

    static func role(_ text: String) throws -> Role {
        do { return try Role.parse(text) } catch { throw TeamError.invalid(error) }
    }

    static func permission(_ text: String) throws -> Permission {
        do { return try Permission.parse(text) } catch { throw TeamError.invalid(error) }
    }

    static func name(_ text: String, field: String = "name") throws -> DisplayName {
        do { return try DisplayName(text, field: field) } catch { throw TeamError.invalid(error) }
    }

    static func viewAs(_ text: String) throws -> ViewAs {
        do { return try ViewAs.parse(text) } catch { throw TeamError.invalid(error) }
    }

    static func visibility(_ text: String) throws -> InboxVisibility {
        do { return try InboxVisibility.parse(text) } catch { throw TeamError.invalid(error) }
    }
}

/// Whole-number option values, read by the option itself so that a bad one
/// is a usage error (exit 2) saying what is wrong with the value:
/// argument-parser puts the reason after the option's name
/// (``UsageErrors/badValue(_:listed:)``). Such options parse `.unconditional`,
/// so `--limit -1` is a value that is too small, not a missing one.
enum Whole {
    struct Problem: Error, CustomStringConvertible { let description: String }

    static func atLeastOne<T: FixedWidthInteger>(_ text: String) throws -> T { try parse(text, atLeast: 1) }

    static func parse<T: FixedWidthInteger>(_ text: String, atLeast minimum: T) throws -> T {
        guard let value = T(text) else { throw Problem(description: "'\(text)' is not a whole number") }
        guard value >= minimum else { throw Problem(description: "must be \(minimum) or more") }
        return value
    }
}
