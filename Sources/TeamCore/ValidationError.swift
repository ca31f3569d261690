import TermText

/// Input that was refused at the edge, naming the field and what is wrong.
public struct ValidationError: Error, Equatable, Sendable, CustomStringConvertible {
    public let field: String
    public let message: String

    /// Messages quote what was typed; a line break or escape in it is kept
    /// visible (`\n`, `\x1b`) so the message stays one line that cannot
    /// pass for a second message or move the cursor.
    /// A message longer than ``longest`` characters (it quotes a huge input:
    /// a 5 MB CSV header, a name pasted by mistake) keeps its start and its
    /// end, where the reason is, and says how much was left out between.
    public init(field: String, message: String) {
        self.field = field
        self.message = Self.bounded(TerminalText.sanitize(message))
    }

    public static let longest = 400

    static func bounded(_ message: String) -> String {
        guard message.count > longest else { return message }
        let head = message.prefix(longest / 2), tail = message.suffix(longest / 2 - 50)
        return "\(head) … (\(message.count - head.count - tail.count) characters left out) … \(tail)"
    }

    public var description: String { "invalid \(field): \(message)" }
}
