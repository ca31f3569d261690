import Foundation
import TermText

/// The report an auditor asks for in a user-access review (`clerk-team
/// review`, the interface's review view): who holds what and why, who works
/// in and can see each inbox, the permission and role changes since a date
/// with who made them, what `roles lint` finds, and the last sign-off.
/// Permissions and their sources come from ``EffectivePermissions/explain``,
/// the function `explain`, `can` and `who-holds` use.
public struct AccessReview: Sendable, Equatable {
    public struct MemberEntry: Sendable, Equatable {
        public var member: Member
        public var groups: [String]
        public var overrides: [Override]
        /// The permissions they hold, in `Permission.allCases` order, each with its sources.
        public var permissions: [PermissionExplanation]
        /// The inboxes they work in, by number, and how.
        public var inboxes: [(PhoneNumber, InboxAccess)]

        public init(member: Member, groups: [String], overrides: [Override], permissions: [PermissionExplanation],
                    inboxes: [(PhoneNumber, InboxAccess)]) {
            self.member = member; self.groups = groups; self.overrides = overrides
            self.permissions = permissions; self.inboxes = inboxes
        }

        public static func == (a: MemberEntry, b: MemberEntry) -> Bool {
            a.member == b.member && a.groups == b.groups && a.overrides == b.overrides && a.permissions == b.permissions
                && a.inboxes.map(\.0) == b.inboxes.map(\.0) && a.inboxes.map(\.1) == b.inboxes.map(\.1)
        }
    }

    public struct InboxEntry: Sendable, Equatable {
        public var inbox: Inbox
        /// Active members who can see it (by email).
        public var canSee: [EmailAddress]
        /// Active members assigned directly.
        public var direct: [EmailAddress]
        /// Groups on the inbox, with their active members.
        public var groups: [GroupOnInbox]

        public init(inbox: Inbox, canSee: [EmailAddress], direct: [EmailAddress], groups: [GroupOnInbox]) {
            self.inbox = inbox; self.canSee = canSee; self.direct = direct; self.groups = groups
        }
    }

    public struct GroupOnInbox: Sendable, Equatable {
        public var name: String
        public var members: [EmailAddress]

        public init(name: String, members: [EmailAddress]) { self.name = name; self.members = members }
    }

    /// A permission or role change from the audit log; `new` when made after the last sign-off.
    public struct Change: Sendable, Equatable {
        public var event: AuditEvent
        public var new: Bool

        public init(event: AuditEvent, new: Bool) { self.event = event; self.new = new }
    }

    /// A recorded `review sign`.
    public struct SignOff: Sendable, Equatable {
        public var auditID: Int64
        public var at: Timestamp
        public var by: String
        public var note: String
        public var sha256: String

        public init(auditID: Int64, at: Timestamp, by: String, note: String, sha256: String) {
            self.auditID = auditID; self.at = at; self.by = by; self.note = note; self.sha256 = sha256
        }
    }

    public var workspace: String
    /// The last audit event the report reflects: the same workspace at the same
    /// point of its log gives the same report, byte for byte.
    public var throughAuditID: Int64
    /// Changes listed from this moment (nil: since the last sign-off, or all without one).
    public var since: Timestamp?
    public var lastSignOff: SignOff?
    public var members: [MemberEntry]
    public var inboxes: [InboxEntry]
    public var changes: [Change]
    public var findings: [LintFinding]

    public init(workspace: String, throughAuditID: Int64, since: Timestamp?, lastSignOff: SignOff?,
                members: [MemberEntry], inboxes: [InboxEntry], changes: [Change], findings: [LintFinding]) {
        self.workspace = workspace; self.throughAuditID = throughAuditID; self.since = since
        self.lastSignOff = lastSignOff; self.members = members; self.inboxes = inboxes
        self.changes = changes; self.findings = findings
    }

    /// Audit actions that change who holds what or works where: what a review lists.
    public static func isAccessChange(_ action: String) -> Bool {
        let exact: Set<String> = ["member.set-role", "member.deactivate", "member.reactivate", "member.remove",
                                  "inbox.assign", "inbox.unassign", "inbox.assign-group", "inbox.unassign-group",
                                  "inbox.set-visibility", "inbox.remove", "invitation.create", "invitation.accept",
                                  "review.sign"]
        return exact.contains(action) || ["permission.", "group.", "role."].contains { action.hasPrefix($0) }
    }
}

/// The note of a sign-off: printable text, one line, 1-500 characters.
public enum ReviewNote {
    public static let maxLength = 500

    public static func validate(_ text: String) throws(ValidationError) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty { throw ValidationError(field: "note", message: "note is empty; say what was reviewed") }
        if let bad = trimmed.unicodeScalars.first(where: TerminalText.isUnsafe) {
            throw ValidationError(field: "note",
                message: "note contains control character U+\(String(format: "%04X", bad.value)); only printable text on one line is allowed")
        }
        if trimmed.count > maxLength { throw ValidationError(field: "note", message: "note is longer than \(maxLength) characters") }
        return trimmed
    }
}
