/// Where a reader of the change feed stands: the last record it applied, in
/// one file's history.
public struct ChangeMark: Sendable, Equatable {
    /// Tells one file's history from another's copied over it.
    public var epoch: [UInt8]
    public var seq: Int64
    /// The schema as read: a migration invalidates what a reader holds.
    public var schema: Int64

    public init(epoch: [UInt8], seq: Int64, schema: Int64) {
        self.epoch = epoch; self.seq = seq; self.schema = schema
    }
}

/// What the commits after a mark touched, folded per kind: enough for an
/// open interface to read again just those rows.
public struct ChangeSet: Sendable, Equatable {
    public var members: Set<MemberID> = []
    public var inboxes = false
    public var invitations = false
    /// Groups, overrides, role defaults or the workspace row: the operator's
    /// own permissions and the guard's facts may have moved.
    public var permissions = false
    /// Contacts or their properties.
    public var contacts = false
    /// Messages of some inbox (imported or deleted).
    public var messages = false
    /// The newest audit event: a refused change moves it without touching a row.
    public var lastAuditID: Int64 = 0

    public init() {}

    public var isEmpty: Bool { members.isEmpty && !inboxes && !invitations && !permissions && !contacts && !messages }

    /// Contacts or messages and nothing else: who holds what is as it was.
    public var onlyContactsOrMessages: Bool {
        (contacts || messages) && members.isEmpty && !inboxes && !invitations && !permissions
    }
}

/// The feed's answer to "what changed after this mark?".
public enum ChangeFeed: Sendable, Equatable {
    /// The changes, and the mark to ask from next time.
    case changes(ChangeSet, next: ChangeMark)
    /// The feed cannot answer (records pruned, another file's history, a
    /// migration, a kind this version does not know, or more changes than
    /// it is worth applying one by one): read everything again.
    case reload(next: ChangeMark, reason: String)

    public var next: ChangeMark {
        switch self {
        case .changes(_, let next), .reload(let next, _): next
        }
    }
}

/// One member's place in the member list: what ordering and filtering need.
public struct MemberIndexEntry: Sendable, Equatable {
    public var id: MemberID
    /// The name as folded for sorting and searching (the store keeps it).
    public var foldedName: String
    public var email: String
    /// Orders before the name in the role and status sorts (0 otherwise).
    public var group: UInt8

    public init(id: MemberID, foldedName: String, email: String, group: UInt8) {
        self.id = id; self.foldedName = foldedName; self.email = email; self.group = group
    }
}
