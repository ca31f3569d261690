import Foundation
import TermText

/// The kind of value a contact property holds.
public enum PropertyType: String, Sendable, Equatable, CaseIterable, Codable {
    case text, number, date, choice

    public static func parse(_ text: String) throws(ValidationError) -> PropertyType {
        if let type = PropertyType(rawValue: text.trimmingCharacters(in: .whitespaces).lowercased()) { return type }
        throw ValidationError(field: "type",
            message: "unknown property type '\(text)'; expected one of: \(allCases.map(\.rawValue).joined(separator: ", "))")
    }
}

/// A custom property every contact may have a value of (`Tier`, `Renewal`).
public struct ContactProperty: Sendable, Equatable, Identifiable {
    public var id: Int64
    public var name: String
    public var type: PropertyType
    /// The allowed values of a choice property, in the order given; empty otherwise.
    public var choices: [String]
    public var version: Int64

    public init(id: Int64, name: String, type: PropertyType, choices: [String], version: Int64) {
        self.id = id; self.name = name; self.type = type; self.choices = choices; self.version = version
    }

    /// "choice (gold, silver)" or "date".
    public var typeLabel: String {
        type == .choice ? "choice (\(choices.joined(separator: ", ")))" : type.rawValue
    }

    /// The value as stored, or why it cannot be one of this property:
    /// a number is stored as written without spaces (`-12.5`), a date as
    /// `YYYY-MM-DD`, a choice as the choice's own spelling (matched
    /// ignoring case), text trimmed and NFC.
    public func validate(_ raw: String) throws(ValidationError) -> String {
        try PropertyValues.validate(raw, type: type, choices: choices, property: name)
    }
}

/// Names and values of properties: checked at every edge and again in the store.
public enum PropertyValues {
    public static let maxTextLength = 500
    public static let maxChoices = 50

    /// A property name: a ``DisplayName`` that cannot be mistaken for the
    /// `PROPERTY=VALUE` syntax or a CSV's fixed columns.
    public static func name(_ text: String) throws(ValidationError) -> DisplayName {
        let name = try DisplayName(text, field: "property")
        if name.value.contains("=") {
            throw ValidationError(field: "property", message: "a property name cannot contain '='")
        }
        if ["phone", "name"].contains(name.value.lowercased()) {
            throw ValidationError(field: "property", message: "'\(name.value)' is a contact's own field, not a property")
        }
        return name
    }

    /// Choices as given (`gold,silver`): each a short name, no duplicates (ignoring case), 1 to 50.
    public static func choices(_ items: [String]) throws(ValidationError) -> [String] {
        var seen: Set<String> = []
        var out: [String] = []
        for item in items {
            let choice = try DisplayName(item, field: "choice").value
            guard seen.insert(choice.lowercased()).inserted else {
                throw ValidationError(field: "choices", message: "'\(choice)' is given twice")
            }
            out.append(choice)
        }
        guard (1...maxChoices).contains(out.count) else {
            throw ValidationError(field: "choices", message: "a choice property needs 1 to \(maxChoices) choices, e.g. --choices gold,silver,bronze")
        }
        return out
    }

    public static func validate(_ raw: String, type: PropertyType, choices: [String],
                                property: String) throws(ValidationError) -> String {
        let text = raw.precomposedStringWithCanonicalMapping.trimmingCharacters(in: .whitespaces)
        let field = "value of \(property)"
        if text.isEmpty { throw ValidationError(field: field, message: "it is empty; leave the property out (or --unset it) instead") }
        if let bad = text.unicodeScalars.first(where: TerminalText.isUnsafe) {
            throw ValidationError(field: field,
                message: "it contains control character U+\(String(format: "%04X", bad.value)); only printable text is allowed")
        }
        switch type {
        case .text:
            guard text.count <= maxTextLength else {
                throw ValidationError(field: field, message: "it is longer than \(maxTextLength) characters")
            }
            return text
        case .number:
            return try number(text, field: field)
        case .date:
            return try date(text, field: field)
        case .choice:
            // As names are compared: a choice typed with a no-break space is the choice.
            if let match = choices.first(where: { DisplayName.key($0) == DisplayName.key(text) }) { return match }
            throw ValidationError(field: field,
                message: "'\(text)' is not one of the choices: \(choices.joined(separator: ", "))")
        }
    }

    /// `42`, `-3.5`, `1e3` is refused: plain decimal digits with an optional sign and point, at most 30 characters.
    static func number(_ text: String, field: String) throws(ValidationError) -> String {
        var body = Substring(text)
        if body.first == "-" || body.first == "+" { body = body.dropFirst() }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        let digitsOnly = parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }
        guard text.count <= 30, (1...2).contains(parts.count), digitsOnly else {
            throw ValidationError(field: field, message: "'\(text)' is not a number; write digits with an optional - and decimal point, e.g. 42 or -3.5")
        }
        return text.first == "+" ? String(text.dropFirst()) : text
    }

    /// A calendar date written `YYYY-MM-DD` (years 1000 to 9999).
    static func date(_ text: String, field: String) throws(ValidationError) -> String {
        let fail = ValidationError(field: field, message: "'\(text)' is not a date; write it as YYYY-MM-DD, e.g. 2026-11-30")
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              year >= 1000, (1...12).contains(month) else { throw fail }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        guard (1...days).contains(day) else {
            throw ValidationError(field: field, message: "'\(text)' is not a date: that month has \(days) days")
        }
        return text
    }
}
