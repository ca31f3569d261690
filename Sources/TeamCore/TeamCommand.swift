/// A change to the workspace, as a value: the CLI builds one from arguments,
/// the TUI from keys, and the store checks it with the guard and applies it.
///
/// `expectedVersion` is the row version the operator saw; when given and the
/// row has changed since, the command is refused as stale.
public enum TeamCommand: Sendable, Equatable {
    case setRole(member: EmailAddress, role: Role, expectedVersion: Int64? = nil)
    case renameMember(member: EmailAddress, name: DisplayName, expectedVersion: Int64? = nil)
    case deactivate(member: EmailAddress, expectedVersion: Int64? = nil)
    case reactivate(member: EmailAddress, expectedVersion: Int64? = nil)
    case removeMember(member: EmailAddress, expectedVersion: Int64? = nil)
    case assign(member: EmailAddress, inbox: PhoneNumber)
    case unassign(member: EmailAddress, inbox: PhoneNumber)
    case addInbox(phone: PhoneNumber, name: DisplayName, visibility: InboxVisibility)
    case renameInbox(phone: PhoneNumber, name: DisplayName, expectedVersion: Int64? = nil)
    case setInboxVisibility(phone: PhoneNumber, visibility: InboxVisibility, expectedVersion: Int64? = nil)
    case removeInbox(phone: PhoneNumber, expectedVersion: Int64? = nil)
    /// Invite someone (replacing their pending invitation, if any); the mail is queued.
    case invite(email: EmailAddress, role: Role, inboxes: [PhoneNumber])
    /// New token and expiry for a pending or expired invitation; the old token dies.
    case resendInvitation(InvitationRef)
    case revokeInvitation(InvitationRef)
    /// Days until new invitations expire, for this workspace.
    case setInviteExpiry(days: Int)
    /// A per-member override that grants one permission (replacing a revoke of it).
    case grantPermission(member: EmailAddress, permission: Permission, expectedVersion: Int64? = nil)
    /// A per-member override that revokes one permission, whatever else gives it.
    case revokePermission(member: EmailAddress, permission: Permission, expectedVersion: Int64? = nil)
    /// Drops the member's override of one permission: role and groups decide again.
    case resetPermission(member: EmailAddress, permission: Permission, expectedVersion: Int64? = nil)
    /// Groups are named by their display name, matched case-insensitively;
    /// `expectedVersion` is the group's version.
    case createGroup(name: DisplayName)
    case renameGroup(group: DisplayName, to: DisplayName, expectedVersion: Int64? = nil)
    /// Deletes the group; its members lose its grants.
    case deleteGroup(group: DisplayName, expectedVersion: Int64? = nil)
    case addToGroup(group: DisplayName, member: EmailAddress, expectedVersion: Int64? = nil)
    case removeFromGroup(group: DisplayName, member: EmailAddress, expectedVersion: Int64? = nil)
    /// The group grants one more permission to each of its members.
    case grantToGroup(group: DisplayName, permission: Permission, expectedVersion: Int64? = nil)
    case revokeFromGroup(group: DisplayName, permission: Permission, expectedVersion: Int64? = nil)
    /// Every member of the group works in the inbox while they are in the group.
    case assignGroup(group: DisplayName, inbox: PhoneNumber)
    /// The group's members leave the inbox, except those also in it directly or by another group.
    case unassignGroup(group: DisplayName, inbox: PhoneNumber)
    /// A workspace-admin records that they reviewed the access review as it is now
    /// (`by` must be the operator); the audit event keeps the report's SHA-256.
    case signReview(by: EmailAddress, note: String)
    /// The inverse of one audited change, as a new change (see ``AuditRevert``).
    case revert(auditID: Int64)
    /// Changes which permissions a role holds by default in this workspace.
    case setRoleDefaults(role: Role, adding: Set<Permission>, removing: Set<Permission>)
    /// Restores the shipped defaults of one role, or of every role when nil.
    case resetRoleDefaults(role: Role?)
    /// Plan, seat limit, billing contact (needs `modify-billing`).
    case setBilling(BillingUpdate)
    /// Contact property definitions (need `update-property`); named case-insensitively.
    case addProperty(name: DisplayName, type: PropertyType, choices: [String])
    case renameProperty(name: DisplayName, to: DisplayName, expectedVersion: Int64? = nil)
    /// Adds and removes choices of a choice property; a choice contacts still hold is not removed.
    case setPropertyChoices(name: DisplayName, add: [String], remove: [String], expectedVersion: Int64? = nil)
    /// Removes the property and every contact's value of it.
    case removeProperty(name: DisplayName, expectedVersion: Int64? = nil)
    /// Contacts (need `update-contact`), named by their number.
    case addContact(phone: PhoneNumber, name: DisplayName, values: [PropertyAssignment])
    /// Changes the name, the number and/or values (a nil value removes it); nil fields stay.
    case editContact(phone: PhoneNumber, name: DisplayName?, newPhone: PhoneNumber?, values: [PropertyAssignment],
                     expectedVersion: Int64? = nil)
    case removeContact(phone: PhoneNumber, expectedVersion: Int64? = nil)
    /// Deletes one message (by its id); the audit keeps where it was, never its text.
    case deleteMessage(id: MessageID)
    /// Deletes every message of the thread of `inbox` with `contact`.
    case deleteThread(inbox: PhoneNumber, contact: PhoneNumber)
}

/// What a command did, in one sentence; `changed` is false for no-ops
/// (e.g. assigning someone already assigned), which write no audit event.
public struct CommandOutcome: Sendable, Equatable {
    public var message: String
    public var changed: Bool
    /// The invitation the command created or changed, if it was about one.
    public var invitation: Invitation?
    /// Mails the command queued, which the front end may deliver at once.
    public var queuedMail: [MailID]

    public init(message: String, changed: Bool, invitation: Invitation? = nil, queuedMail: [MailID] = []) {
        self.message = message; self.changed = changed
        self.invitation = invitation; self.queuedMail = queuedMail
    }
}

extension TeamCommand {
    /// The member the command changes, if it changes one (not an inbox, group or invitation).
    public var memberEmail: EmailAddress? {
        switch self {
        case .setRole(let email, _, _), .renameMember(let email, _, _), .deactivate(let email, _),
             .reactivate(let email, _), .removeMember(let email, _), .assign(let email, _), .unassign(let email, _),
             .grantPermission(let email, _, _), .revokePermission(let email, _, _), .resetPermission(let email, _, _),
             .addToGroup(_, let email, _), .removeFromGroup(_, let email, _):
            email
        case .addInbox, .renameInbox, .setInboxVisibility, .removeInbox, .invite, .resendInvitation, .revokeInvitation,
             .setInviteExpiry, .createGroup, .renameGroup, .deleteGroup, .grantToGroup, .revokeFromGroup,
             .setRoleDefaults, .resetRoleDefaults, .setBilling, .addProperty, .renameProperty, .setPropertyChoices, .removeProperty,
             .addContact, .editContact, .removeContact, .deleteMessage, .deleteThread,
             .assignGroup, .unassignGroup, .signReview, .revert:
            nil
        }
    }
}
