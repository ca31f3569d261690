import Foundation
import TermText

/// A human-facing name (member, inbox, workspace, group, property): NFC,
/// 1-100 characters, with no control or bidirectional-override characters.
///
/// Such characters are refused at input so that a name never needs to be
/// shown in an escaped form; text that arrives by other routes is still
/// sanitised before drawing. Characters that look like a space or like
/// nothing are read as they look first (``NameCharacters``): a name that
/// shows nothing is empty, and two names that look the same are the same.
public struct DisplayName: Hashable, Sendable, CustomStringConvertible {
    public static let maxLength = 100
    public let value: String

    public init(_ text: String, field: String = "name") throws(ValidationError) {
        let canonical = NameCharacters.normalise(text)
        if canonical.isEmpty {
            throw ValidationError(field: field, message: "\(field) is empty: it has no visible character")
        }
        if let bad = canonical.unicodeScalars.first(where: TerminalText.isUnsafe) {
            throw ValidationError(field: field,
                message: "\(field) contains control character U+\(String(format: "%04X", bad.value)); only printable text is allowed")
        }
        if canonical.count > Self.maxLength || canonical.utf8.count > Self.maxLength * 4 {
            throw ValidationError(field: field, message: "\(field) is longer than \(Self.maxLength) characters")
        }
        value = canonical
    }

    public var description: String { value }

    /// What names are compared by (uniqueness, lookups, typed confirmations):
    /// the name read as ``init(_:field:)`` stores it, ignoring case. Also
    /// right for a name stored before that reading (a no-break space in an
    /// old row compares equal to a plain one).
    public static func key(_ text: String) -> String { NameCharacters.key(text) }
}
