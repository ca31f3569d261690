import TeamCore

/// Per-operator mail settings (from the config file) the store needs when
/// it writes an invitation mail.
public struct MailSettings: Sendable, Equatable {
    /// The From address; nil sends from the inviter's own address.
    public var from: EmailAddress?
    /// Used when the workspace has no expiry of its own (`invites set-expiry`).
    public var defaultExpiryDays: Int?

    public init(from: EmailAddress? = nil, defaultExpiryDays: Int? = nil) {
        self.from = from; self.defaultExpiryDays = defaultExpiryDays
    }
}
