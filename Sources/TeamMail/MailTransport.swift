import TeamCore

/// Hands one message to the outside world.
public protocol MailTransport: Sendable {
    /// For messages and `mail status`: "folder /path" or "command msmtp -t".
    var summary: String { get }
    /// Delivers or throws; returns where it went. Recipients come from the
    /// message's headers, never from arguments built out of user text.
    func deliver(_ mail: QueuedMail) throws(MailDeliveryError) -> String
}

/// Why a delivery attempt failed; kept (redacted) in the outbox for `mail status`.
public struct MailDeliveryError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
