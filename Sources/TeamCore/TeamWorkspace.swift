/// A member row as listed: the member and the inboxes (visible to the
/// operator) they are assigned to.
public struct MemberSummary: Sendable, Equatable {
    public var member: Member
    /// Every inbox they work in, directly or through a group.
    public var inboxes: [PhoneNumber]
    /// How they came to work in each of `inboxes`; a number missing here is a direct assignment.
    public var access: [PhoneNumber: InboxAccess]

    public init(member: Member, inboxes: [PhoneNumber], access: [PhoneNumber: InboxAccess] = [:]) {
        self.member = member; self.inboxes = inboxes; self.access = access
    }

    /// How they work in `phone` (direct when not told otherwise).
    public func access(to phone: PhoneNumber) -> InboxAccess {
        access[phone] ?? InboxAccess(direct: true, groups: [])
    }
}

/// Why a member works in an inbox: assigned directly, through groups, or both.
public struct InboxAccess: Sendable, Equatable {
    public var direct: Bool
    /// The groups on the inbox the member is in, by name.
    public var groups: [String]

    public init(direct: Bool, groups: [String]) {
        self.direct = direct; self.groups = groups
    }

    /// Only through groups: unassigning them directly would change nothing.
    public var onlyThroughGroups: Bool { !direct && !groups.isEmpty }
}

/// Everything about one member that `members show` and the detail view print.
public struct MemberDetail: Sendable, Equatable {
    public var member: Member
    public var inboxes: [Inbox]
    public var permissions: Set<Permission>
    public var groups: [String]
    public var overrides: [Override]
    /// Every permission with its verdict and sources, in `Permission.allCases` order.
    public var explanations: [PermissionExplanation]
    /// How they work in each of `inboxes`; missing means directly.
    public var access: [PhoneNumber: InboxAccess]

    public init(member: Member, inboxes: [Inbox], permissions: Set<Permission>,
                groups: [String], overrides: [Override], explanations: [PermissionExplanation] = [],
                access: [PhoneNumber: InboxAccess] = [:]) {
        self.member = member; self.inboxes = inboxes; self.permissions = permissions
        self.groups = groups; self.overrides = overrides; self.explanations = explanations
        self.access = access
    }
}

/// An inbox as listed, with the emails of its members.
public struct InboxSummary: Sendable, Equatable {
    public var inbox: Inbox
    /// Everyone who works in it, directly or through a group, by email.
    public var members: [EmailAddress]
    /// How many message threads it has; nil when the operator may not read
    /// its messages (a hidden inbox is not listed at all, so never counted).
    public var threads: Int?
    /// Those assigned directly, by email.
    public var direct: [EmailAddress]
    /// The groups on the inbox, by name.
    public var groups: [String]

    public init(inbox: Inbox, members: [EmailAddress], direct: [EmailAddress]? = nil, groups: [String] = [], threads: Int? = nil) {
        self.inbox = inbox; self.members = members; self.direct = direct ?? members; self.groups = groups
        self.threads = threads
    }
}

public struct WorkspaceSummary: Sendable, Equatable {
    public var name: String
    public var createdAt: Timestamp
    public var members: Int
    public var activeMembers: Int
    public var inboxes: Int

    public init(name: String, createdAt: Timestamp, members: Int, activeMembers: Int, inboxes: Int) {
        self.name = name; self.createdAt = createdAt; self.members = members
        self.activeMembers = activeMembers; self.inboxes = inboxes
    }
}

/// What a front end shows in its header and needs for the guard: read in
/// one snapshot at start and after every outside change.
public struct SessionSnapshot: Sendable, Equatable {
    public var workspaceName: String
    public var operatorContext: OperatorContext
    public var facts: WorkspaceFacts
    public var memberCount: Int
    /// Set when a workspace-admin previews the workspace through someone
    /// else's eyes (`--view-as`): "role agent" or "ann@example.com (agent)".
    /// `operatorContext` is then the viewed one and the session is read-only.
    public var viewingAs: String?
    /// Seats taken and the limit, for operators who may see billing (nil for the others).
    public var seats: SeatUsage?

    public init(workspaceName: String, operatorContext: OperatorContext, facts: WorkspaceFacts, memberCount: Int,
                viewingAs: String? = nil, seats: SeatUsage? = nil) {
        self.workspaceName = workspaceName; self.operatorContext = operatorContext
        self.facts = facts; self.memberCount = memberCount; self.viewingAs = viewingAs; self.seats = seats
    }
}

/// Told, a few times a second, while a write waits for another operator's
/// lock; answers false to give up (the write then changes nothing). The
/// full-screen interface uses it for a spinner and for Esc.
public protocol LockWaitObserver: AnyObject, Sendable {
    func stillWaiting(elapsedMillis: Int) -> Bool
}

/// Why a workspace cannot be changed through this connection.
public enum ReadOnlyReason: Sendable, Equatable {
    /// The operator asked for it (`--read-only`).
    case requested
    /// The file (or its folder) is not writable for this login.
    case fileNotWritable
    /// Looking through another role's or member's eyes (`--view-as`).
    case viewingAs

    /// For a header: short.
    public var label: String {
        switch self {
        case .requested: "READ-ONLY"
        case .fileNotWritable: "READ-ONLY (file not writable)"
        case .viewingAs: "READ-ONLY"
        }
    }

    /// For a refusal: the whole reason.
    public var sentence: String {
        switch self {
        case .requested: "read-only mode: nothing can be changed"
        case .fileNotWritable: "read-only: the workspace file is not writable for your login"
        case .viewingAs: "read-only while viewing as someone else (--view-as)"
        }
    }
}

/// The workspace as the front ends see it. The SQLite store implements it;
/// the CLI and the TUI know only this protocol. Every method throws
/// ``TeamError`` and nothing else.
public protocol TeamWorkspace: AnyObject {
    /// Why nothing can be changed; nil when changes are possible.
    var readOnlyReason: ReadOnlyReason? { get }
    /// The acting member with their effective permissions.
    func operatorContext() throws -> OperatorContext
    func summary() throws -> WorkspaceSummary
    func session() throws -> SessionSnapshot
    /// The role matrix in force (shipped, or as this workspace edited it).
    func roleMatrix() throws -> RoleMatrix
    /// Every member, ordered by name, with visible inbox assignments.
    func members() throws -> [MemberSummary]
    /// The whole member list as ids and search keys in `sort` order: cheap
    /// enough to hold for 100k members, and filtered in memory per keystroke.
    func memberIndex(sort: MemberSort) throws -> MemberIndex
    /// The first `limit` members in name order, for a first screen before the index is loaded.
    func firstMembers(limit: Int) throws -> [MemberSummary]
    /// The rows for `ids` (those on screen), in that order; unknown ids are skipped.
    func memberRows(_ ids: [MemberID]) throws -> [MemberSummary]
    func member(_ email: EmailAddress) throws -> MemberDetail
    /// Inboxes the operator can see, by number, with their members.
    func inboxes() throws -> [InboxSummary]
    /// The same inboxes without their members: cheap at any team size.
    func inboxList() throws -> [Inbox]
    /// The verdict on one permission of one member with every source:
    /// ``EffectivePermissions/explain(_:_:matrix:shipped:)``, which `can` and `whoHolds` use too.
    func explain(_ email: EmailAddress, _ permission: Permission) throws -> PermissionExplanation
    /// Every active member who holds `permission`, by name, with why.
    func whoHolds(_ permission: Permission) throws -> [PermissionHolder]
    /// Every group, by name, with its grants and member count.
    func groups() throws -> [GroupSummary]
    /// One group, its name matched case-insensitively, with its members by name.
    func group(_ name: DisplayName) throws -> GroupDetail
    /// Oddities of the workspace's roles and groups (``RoleLint``), in a stable order.
    func lint() throws -> [LintFinding]
    /// Audit events, oldest first; the most recent `limit` if given. Changes
    /// made, or with `refused` the changes the guard refused.
    func auditEvents(limit: Int?, refused: Bool) throws -> [AuditEvent]
    /// Audit events that match `query` (needs `modify-team`, like reading the log): changes made.
    func auditEvents(_ query: AuditQuery) throws -> [AuditEvent]
    /// Recomputes the audit log's hash chain (see ``AuditVerification``).
    func verifyAudit() throws -> AuditVerification
    /// What the guard would say about a command now, without changing anything.
    func decide(_ command: TeamCommand) throws -> GuardDecision
    /// Checks the command with the guard and applies it, in one transaction.
    func perform(_ command: TeamCommand) throws -> CommandOutcome
    /// Says that this process has the workspace open, on `screen` (no database write).
    func announcePresence(screen: String) throws
    /// Everyone else who has it open now (for those who may see the member list).
    func presence() throws -> [PresenceEntry]
    /// What the guard would say about each command now, read in one snapshot.
    func decideAll(_ commands: [TeamCommand]) throws -> [Result<GuardDecision, TeamError>]
    /// Several commands in one transaction, each checked by the guard when
    /// its turn comes (earlier ones change the facts of later ones). With
    /// `partial` the allowed ones are made and the rest reported; without,
    /// any refusal refuses the whole batch and nothing changes.
    func performBatch(_ commands: [TeamCommand], partial: Bool) throws -> BatchOutcome
    /// Changes when any process commits to the workspace. Throws
    /// ``TeamError/gone(_:)`` once the file was replaced or deleted.
    func dataVersion() throws -> Int64
    /// Where the change feed stands now: read it before reading what it covers.
    func changeMark() throws -> ChangeMark
    /// What the commits after `mark` touched, or that everything must be read again.
    func changes(after mark: ChangeMark) throws -> ChangeFeed
    /// The members' places in the list ordered by `sort` (ids no longer there are left out).
    func memberIndexEntries(_ ids: [MemberID], sort: MemberSort) throws -> [MemberIndexEntry]
    /// Invitations, newest first, optionally of one (effective) status, and
    /// a sentence for each row that could not be read (edited by hand).
    func invitationListing(status: InvitationStatus?) throws -> InvitationListing
    /// Checks every row; unless `dryRun` or any row is wrong, invites them all in one transaction.
    func importInvitations(_ rows: [InvitationRow], dryRun: Bool) throws -> ImportReport
    /// Joins with an invitation token. Needs no operator: the login is not a member yet.
    func acceptInvitation(_ request: AcceptRequest) throws -> AcceptOutcome
    /// The team as a roster file describes it, read in one snapshot: every
    /// member and live pending invitation, groups, overrides, role-default
    /// changes, and only the inboxes the operator can see (in members' lists too).
    func roster() throws -> Roster
    /// Plan, seats and billing contact (for those who may see billing: `modify-billing`).
    func billing() throws -> BillingSummary
    /// Every contact by name, with the property definitions (any active member).
    func contactListing() throws -> ContactListing
    /// One contact by number.
    func contact(_ phone: PhoneNumber) throws -> Contact
    /// Checks every row; unless `dryRun` or any row is wrong, adds them all in one transaction.
    func importContacts(_ rows: [ContactRow], dryRun: Bool) throws -> ContactImportReport
    /// The threads of an inbox the operator may read (`view-messages` and the
    /// inbox visible), newest first. A hidden inbox reads as a missing one.
    func threads(inbox: PhoneNumber) throws -> [ThreadSummary]
    /// Some messages of one thread (never the whole of a long one), with its count.
    func thread(inbox: PhoneNumber, contact: PhoneNumber, page: MessagePage) throws -> ThreadPage
    /// Checks every row; unless `dryRun` or any row is wrong, stores them all in one transaction.
    func importMessages(_ rows: [MessageRow], dryRun: Bool) throws -> MessageImportReport
    /// The access review (needs what reading the audit log needs): changes since
    /// `since`, or since the last sign-off when nil (all without one).
    func accessReview(since: Timestamp?) throws -> AccessReview
    /// The inverse of audited change `auditID` and the guard's answer about it
    /// now; throws why when it cannot be undone (changed since, not invertible).
    func revertPreview(_ auditID: Int64) throws -> RevertPreview
}

extension TeamWorkspace {
    /// The invitations that could be read; see ``invitationListing(status:)`` for the others.
    public func invitations(status: InvitationStatus?) throws -> [InvitationSummary] {
        try invitationListing(status: status).invitations
    }

    /// The changes made (not the refused ones).
    public func auditEvents(limit: Int?) throws -> [AuditEvent] { try auditEvents(limit: limit, refused: false) }
}
