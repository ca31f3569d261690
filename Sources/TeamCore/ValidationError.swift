import TermText

/// Input that was refused at the edge, naming the field and what is wrong.
public struct ValidationError: Error, Equatable, Sendable, CustomStringConvertible {
    public let field: String
    public let message: String

    /// Messages quote what was typed; a line break or escape in it is kept
    /// visible (`\n`, `\x1b`) so the message stays one line that cannot
    /// pass for a second message or move the cursor.
    public init(field: String, message: String) {
        self.field = field
        self.message = TerminalText.sanitize(message)
    }

    public var description: String { "invalid \(field): \(message)" }
}
