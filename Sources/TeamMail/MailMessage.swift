import Foundation
import TeamCore

/// An RFC 5322 message: header fields and a plain-text UTF-8 body.
///
/// Every header value is checked when the message is built: a CR, LF, NUL
/// or any other control character is refused, so no value (a name, an
/// address, a subject) can ever start a header of its own (`Bcc:`) or end
/// the header block. Values are then written as they must be: non-ASCII
/// text as RFC 2047 encoded words, display names quoted, domains in their
/// IDNA form (``MailAddress``).
public struct MailMessage: Sendable, Equatable {
    public struct Field: Sendable, Equatable {
        public let name: String
        /// The value as it goes on the wire (already encoded).
        public let value: String
    }

    public private(set) var fields: [Field] = []
    public let body: String

    public init(body: String) {
        // Normalise to LF; a body line with a bare CR would be rewritten by MTAs anyway.
        self.body = body.utf8.contains(13)
            ? body.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n") : body
    }

    /// Adds an unstructured field (Subject): encoded if it is not plain ASCII.
    public mutating func add(_ name: String, text: String) throws(ValidationError) {
        try Self.requireSafe(name, text)
        append(name, MailEncoding.unstructured(text, fieldName: name))
    }

    /// Adds an address field with an optional display name (From, To, Reply-To).
    public mutating func add(_ name: String, address: String, displayName: String? = nil) throws(ValidationError) {
        try Self.requireSafe(name, address)
        if let displayName { try Self.requireSafe(name, displayName) }
        guard MailEncoding.isPlainAddress(address) else {
            throw ValidationError(field: "mail header \(name)", message: "'\(address)' is not a plain mail address")
        }
        // An internationalised domain goes on the wire in its IDNA form, which every relay understands.
        append(name, MailEncoding.mailbox(address: try MailAddress.ascii(address), displayName: displayName))
    }

    /// Adds a structured field whose value the caller built (Date, Message-ID,
    /// MIME fields): it must be printable ASCII.
    public mutating func add(_ name: String, raw value: String) throws(ValidationError) {
        try Self.requireSafe(name, value)
        guard value.unicodeScalars.allSatisfy({ $0.isASCII }) else {
            throw ValidationError(field: "mail header \(name)", message: "value must be ASCII")
        }
        append(name, value)
    }

    public func value(of name: String) -> String? {
        fields.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    /// Header block, blank line, body; LF line ends.
    public func rendered() -> String {
        var out = ""
        for field in fields { out += field.name + ": " + field.value + "\n" }
        out += "\n"
        out += body.hasSuffix("\n") ? body : body + "\n"
        return out
    }

    private mutating func append(_ name: String, _ value: String) {
        fields.append(Field(name: name, value: value))
    }

    /// Refuses any control character (CR, LF, NUL, …) in a name or value,
    /// and field names that are not RFC 5322 `ftext`.
    static func requireSafe(_ name: String, _ value: String) throws(ValidationError) {
        let nameOK = !name.isEmpty && name.unicodeScalars.allSatisfy { (0x21...0x7E).contains($0.value) && $0 != ":" }
        guard nameOK else {
            throw ValidationError(field: "mail header", message: "'\(name)' is not a valid header name")
        }
        if let bad = value.unicodeScalars.first(where: { $0.value < 0x20 || $0.value == 0x7F || (0x80...0x9F).contains($0.value)
            || $0.value == 0x2028 || $0.value == 0x2029 }) {
            let what = bad == "\r" || bad == "\n" ? "a line break" : bad == "\0" ? "a NUL character" : "a control character"
            throw ValidationError(field: "mail header \(name)",
                message: "value contains \(what) (U+\(String(format: "%04X", bad.value))); refused, as it could forge headers")
        }
    }
}
