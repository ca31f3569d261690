/// What the guard needs to know about the acting member.
public struct ActorFacts: Sendable, Equatable {
    public var id: MemberID
    public var role: Role
    public var status: MemberStatus
    /// Effective permissions (already empty if deactivated).
    public var permissions: Set<Permission>
    /// Inboxes the actor is assigned to: a private inbox is visible to its members.
    public var assignedInboxes: Set<InboxID>

    public init(id: MemberID, role: Role, status: MemberStatus, permissions: Set<Permission>,
                assignedInboxes: Set<InboxID> = []) {
        self.id = id; self.role = role; self.status = status
        self.permissions = permissions; self.assignedInboxes = assignedInboxes
    }
}

/// What the guard needs to know about a member being acted on.
public struct TargetFacts: Sendable, Equatable {
    public var id: MemberID
    public var role: Role
    public var status: MemberStatus

    public init(id: MemberID, role: Role, status: MemberStatus) {
        self.id = id; self.role = role; self.status = status
    }
}

/// What the guard needs to know about an inbox.
public struct InboxFacts: Sendable, Equatable {
    public var id: InboxID
    public var phone: String
    public var visibility: InboxVisibility

    public init(id: InboxID, phone: String, visibility: InboxVisibility) {
        self.id = id; self.phone = phone; self.visibility = visibility
    }
}

/// Workspace-wide facts some rules depend on.
public struct WorkspaceFacts: Sendable, Equatable {
    /// Active members whose role is workspace-admin.
    public var activeWorkspaceAdmins: Int
    /// Active workspace-admins who hold both ``Guard/teamKeys``. Empty when
    /// not known (a hand-made fact); the count above then guards alone.
    public var keyholders: Set<MemberID>
    /// Active workspace-admins bound to no OS login: nobody logs in as them,
    /// they are reachable only with `--as`, so they do not count as someone
    /// who can still manage the team.
    public var withoutLogin: Set<MemberID>

    public init(activeWorkspaceAdmins: Int, keyholders: Set<MemberID> = [], withoutLogin: Set<MemberID> = []) {
        self.activeWorkspaceAdmins = activeWorkspaceAdmins; self.keyholders = keyholders
        self.withoutLogin = withoutLogin
    }
}

/// One role's default permissions before and after an edit (`roles set`, `roles reset`).
public struct RoleDefaultsEdit: Sendable, Equatable {
    public var role: Role
    public var before: Set<Permission>
    public var after: Set<Permission>

    public init(role: Role, before: Set<Permission>, after: Set<Permission>) {
        self.role = role; self.before = before; self.after = after
    }

    /// What members of the role gain: the actor must hold each.
    public var added: Set<Permission> { after.subtracting(before) }
    public var removed: Set<Permission> { before.subtracting(after) }
}

/// Every action the guard decides, with the targets it is taken on.
public enum GuardAction: Sendable, Equatable {
    /// Look at the member list, inboxes and permissions (any active member).
    case readWorkspace
    case changeRole(TargetFacts, to: Role)
    case renameMember(TargetFacts)
    case deactivate(TargetFacts)
    case reactivate(TargetFacts)
    case removeMember(TargetFacts)
    case assign(TargetFacts, InboxFacts)
    case unassign(TargetFacts, InboxFacts)
    case viewInbox(InboxFacts)
    case addInbox(InboxVisibility)
    case renameInbox(InboxFacts)
    case setInboxVisibility(InboxFacts, to: InboxVisibility)
    case removeInbox(InboxFacts)
    case invite(role: Role, inboxes: [InboxFacts])
    /// Resend or revoke a pending invitation.
    case manageInvitation
    case grantPermission(TargetFacts, Permission)
    case revokePermission(TargetFacts, Permission)
    /// Drop a per-member override; `restores` when the override was a revoke
    /// of something the member would otherwise hold (so dropping it gives it back).
    case resetPermission(TargetFacts, Permission, restores: Bool)
    /// Add a member to a group whose grants are given; `inboxes` are those
    /// the membership would newly put them in (the group's inboxes they are not in yet).
    case addToGroup(TargetFacts, grants: Set<Permission>, inboxes: [InboxFacts] = [])
    /// Take a member out of a group; `inboxes` are those they would leave with it.
    case removeFromGroup(TargetFacts, inboxes: [InboxFacts] = [])
    /// Put a group on an inbox: `members` are those it would newly put in the inbox.
    case assignGroup(InboxFacts, members: [TargetFacts])
    /// Take a group off an inbox: `members` are those who would leave the inbox with it.
    case unassignGroup(InboxFacts, members: [TargetFacts])
    /// Record that the access review was reviewed (`review sign`).
    case signReview
    /// Create, rename or delete groups, change their grants, workspace settings.
    case modifyTeamSettings(grants: Set<Permission>)
    /// Change which permissions roles hold by default in this workspace.
    case editRoleDefaults([RoleDefaultsEdit])
    /// Look at the workspace as another role or member sees it (read-only).
    case viewAs
    /// Change the plan, the seat limit or the billing contact.
    case modifyBilling
    /// See the plan, the seats and the billing contact: whoever may change them.
    case viewBilling
    /// List and show the workspace's contacts and their property definitions (any active member).
    case viewContacts
    /// Add, edit or remove contacts and their property values.
    case updateContact
    /// Add, rename, change the choices of or remove contact property definitions.
    case updateProperty
    case viewAudit
    /// Read an inbox's message threads.
    case viewMessages(InboxFacts)
    /// Delete a message or a whole thread of an inbox.
    case deleteMessages(InboxFacts)
    /// Write messages into an inbox's threads (`messages import`, the stand-in for an SMS transport).
    case importMessages(InboxFacts)
}

/// The rule that refused an action.
public enum GuardRule: String, Sendable, Equatable, CaseIterable {
    case permissionMissing = "permission"
    case rank
    case escalation
    case lastWorkspaceAdmin = "last-workspace-admin"
    case visibility
    case deactivated
    /// Not a permission: the workspace's seat limit (``SeatRule``).
    case seatLimit = "seat-limit"
}

/// A refusal: the rule, the permission involved (if any) and a sentence for a person.
public struct Refusal: Error, Sendable, Equatable, CustomStringConvertible {
    public var rule: GuardRule
    public var permission: Permission?
    public var message: String

    public init(rule: GuardRule, permission: Permission? = nil, message: String) {
        self.rule = rule; self.permission = permission; self.message = message
    }

    public var description: String { "refused (\(rule.rawValue)): \(message)" }
}

public enum GuardDecision: Sendable, Equatable {
    case allowed
    case refused(Refusal)

    public var isAllowed: Bool { self == .allowed }

    public var refusal: Refusal? {
        if case .refused(let refusal) = self { return refusal }
        return nil
    }
}
