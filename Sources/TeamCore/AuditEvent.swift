/// Which front end made a change.
public enum Interface: String, Sendable, Codable {
    case cli, tui
}

/// One appended line of the audit log: who did what to whom, when.
public struct AuditEvent: Sendable, Equatable, Codable {
    public var id: Int64
    public var at: Timestamp
    /// Email of the acting member (nil for system actions like `init`'s bootstrap).
    public var actor: String?
    public var osLogin: String
    /// True when `--as` chose the acting member rather than the OS login.
    public var viaAs: Bool
    public var interface: Interface
    public var action: String
    public var target: String
    /// JSON object text of the values before and after, or nil.
    public var before: String?
    public var after: String?
    /// `refused` for a change the guard refused (nothing else was written).
    public var outcome: AuditOutcome
    /// The guard rule that refused it (``GuardRule`` raw value), for refusals.
    public var rule: String?

    public init(id: Int64, at: Timestamp, actor: String?, osLogin: String, viaAs: Bool, interface: Interface,
                action: String, target: String, before: String?, after: String?,
                outcome: AuditOutcome = .done, rule: String? = nil) {
        self.id = id; self.at = at; self.actor = actor; self.osLogin = osLogin; self.viaAs = viaAs
        self.interface = interface; self.action = action; self.target = target
        self.before = before; self.after = after; self.outcome = outcome; self.rule = rule
    }
}

public enum AuditOutcome: String, Sendable, Codable {
    case done, refused
}

/// What `audit verify` found: how many rows were checked, the first whose
/// hash does not follow from the rows before it (nil: the chain holds), and
/// the hash of the last good row (keep it elsewhere to detect a rewritten log).
public struct AuditVerification: Sendable, Equatable {
    public var rows: Int
    public var firstBrokenRow: Int64?
    public var head: String

    public init(rows: Int, firstBrokenRow: Int64?, head: String) {
        self.rows = rows; self.firstBrokenRow = firstBrokenRow; self.head = head
    }
}
