import Foundation
import TermText

/// A human-facing name (member, inbox, workspace, group): trimmed, NFC,
/// 1-100 characters, with no control or bidirectional-override characters.
///
/// Such characters are refused at input so that a name never needs to be
/// shown in an escaped form; text that arrives by other routes is still
/// sanitised before drawing.
public struct DisplayName: Hashable, Sendable, CustomStringConvertible {
    public static let maxLength = 100
    public let value: String

    public init(_ text: String, field: String = "name") throws(ValidationError) {
        let canonical = text.precomposedStringWithCanonicalMapping.trimmingCharacters(in: .whitespaces)
        if canonical.isEmpty { throw ValidationError(field: field, message: "\(field) is empty") }
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
}
