import Foundation

/// A validated email address in canonical form (NFC, trimmed, lowercased).
///
/// The rule is practical, not RFC 5321's full grammar: one `@`; a local part
/// of 1-64 characters from letters, digits and ``!#$%&'*+/=?^_`{|}~.-``
/// without leading, trailing or doubled dots; a domain of at least two
/// dot-separated labels of letters, digits and inner hyphens, each 1-63
/// characters, the last one not all digits; 254 characters at most. Letters
/// may be non-ASCII (internationalised addresses). Quoted local parts, IP
/// literals and comments are refused: nobody invites a teammate with them.
public struct EmailAddress: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let value: String

    public init(_ text: String) throws(ValidationError) {
        let canonical = text.precomposedStringWithCanonicalMapping
            .trimmingCharacters(in: .whitespacesAndNewlines)
            .lowercased()
        func fail(_ why: String) -> ValidationError {
            ValidationError(field: "email", message: "'\(text)' is not a valid email address: \(why)")
        }
        if canonical.isEmpty { throw ValidationError(field: "email", message: "email address is empty") }
        if canonical.utf8.count > 254 { throw fail("longer than 254 characters") }
        let parts = canonical.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2 else {
            throw fail(parts.count < 2 ? "missing '@'" : "more than one '@'")
        }
        let local = parts[0], domain = parts[1]
        if local.isEmpty { throw fail("nothing before '@'") }
        if local.utf8.count > 64 { throw fail("part before '@' is longer than 64 characters") }
        if local.hasPrefix(".") || local.hasSuffix(".") || local.contains("..") {
            throw fail("misplaced '.' before '@'")
        }
        let localSymbols = Set("!#$%&'*+/=?^_`{|}~.-".unicodeScalars)
        for scalar in local.unicodeScalars where !(Self.isLetterOrDigit(scalar) || localSymbols.contains(scalar)) {
            throw fail("character '\(Self.describe(scalar))' not allowed before '@'")
        }
        if domain.isEmpty { throw fail("nothing after '@'") }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2 else { throw fail("domain needs a dot, as in example.com") }
        for label in labels {
            if label.isEmpty { throw fail("empty part in domain") }
            if label.utf8.count > 63 { throw fail("domain part longer than 63 characters") }
            if label.hasPrefix("-") || label.hasSuffix("-") { throw fail("domain part starts or ends with '-'") }
            for scalar in label.unicodeScalars where !(Self.isLetterOrDigit(scalar) || scalar == "-") {
                throw fail("character '\(Self.describe(scalar))' not allowed in domain")
            }
        }
        if let last = labels.last, last.allSatisfy(\.isNumber) { throw fail("top-level domain is numeric") }
        value = canonical
    }

    /// An address read back from the workspace, where it was stored only
    /// after passing ``init(_:)``. Skips re-validation, which would dominate
    /// listing a 100k-member team.
    public init(stored canonical: String) { value = canonical }

    public var description: String { value }

    public static func < (lhs: EmailAddress, rhs: EmailAddress) -> Bool { lhs.value < rhs.value }

    private static func isLetterOrDigit(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            return ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar)
        }
        let props = scalar.properties
        return props.isAlphabetic || props.numericType != nil
    }

    static func describe(_ scalar: Unicode.Scalar) -> String {
        if scalar.properties.generalCategory == .control || scalar == " " || !scalar.properties.isAlphabetic && scalar.value > 0x7F {
            return "U+" + String(format: "%04X", scalar.value)
        }
        return String(scalar)
    }
}
