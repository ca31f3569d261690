/// The one permission guard (SPEC §3). Every front end and every store write
/// asks it; no rule lives anywhere else.
public enum Guard {
    /// The two permissions that let a workspace-admin manage the team: the
    /// lock-out rule keeps at least one active workspace-admin holding both.
    public static let teamKeys: Set<Permission> = [.modifyTeamMember, .addTeamMembers]

    /// May `actor` take `action`? Pure: all facts are passed in.
    public static func check(_ action: GuardAction, by actor: ActorFacts,
                             in workspace: WorkspaceFacts) -> GuardDecision {
        do {
            try requireActive(actor)
            try rules(for: action, actor: actor, workspace: workspace)
            return .allowed
        } catch {
            return .refused(error)
        }
    }

    /// True if a private inbox's existence may be shown to `actor`.
    public static func canSee(_ inbox: InboxFacts, actor: ActorFacts) -> Bool {
        guard actor.status == .active else { return false }
        switch inbox.visibility {
        case .public: return actor.permissions.contains(.viewPublicInbox)
        case .private:
            return actor.permissions.contains(.viewPrivateInbox) || actor.assignedInboxes.contains(inbox.id)
        }
    }

    /// How roles and permissions are given, in one sentence, for `explain`
    /// and the README: a role is given by rank alone and brings whatever the
    /// role holds in this workspace; permission by permission, nobody gives
    /// what they do not hold.
    public static let givingRule =
        "roles are given by rank: whoever may give a role (a rank not above their own; by invitation, below their own unless workspace-admin) gives everything that role holds in this workspace, even permissions they lack themselves ('roles lint' flags a role that holds what a higher one lacks); overrides, group grants, group membership and role-default edits are checked permission by permission: nobody gives a permission they do not hold"

    /// The roles `actor` may give in an invitation: below their own, all for a workspace-admin.
    public static func invitableRoles(for actor: ActorFacts) -> [Role] {
        Role.byRank.filter { actor.role == .workspaceAdmin || $0.rank < actor.role.rank }
    }

    /// The roles `actor` may set on an existing member: none above their own.
    public static func assignableRoles(for actor: ActorFacts) -> [Role] {
        Role.byRank.filter { $0.rank <= actor.role.rank }
    }

    /// Message used both for inboxes that do not exist and ones the actor may
    /// not see, so a refusal never confirms that a hidden inbox exists.
    public static func noSuchInbox(_ phone: String) -> String {
        "no inbox \(phone) in this workspace"
    }

    // MARK: - Rules

    private static func rules(for action: GuardAction, actor: ActorFacts,
                              workspace: WorkspaceFacts) throws(Refusal) {
        switch action {
        case .readWorkspace:
            return
        case .changeRole(let target, let newRole):
            try require(.modifyTeamMember, actor, "change a member's role")
            try requireRank(actor, over: target, "change the role of")
            guard newRole.rank <= actor.role.rank else {
                throw Refusal(rule: .escalation,
                    message: "you are \(actor.role.rawValue) and cannot give the higher role \(newRole.rawValue)")
            }
            if newRole != .workspaceAdmin {
                try requireNotLastAdmin(target, workspace, "demoted")
            }
        case .renameMember(let target):
            if target.id != actor.id {
                try require(.modifyTeamMember, actor, "edit a member")
                try requireRank(actor, over: target, "edit")
            }
        case .deactivate(let target):
            try require(.removeTeamMembers, actor, "deactivate a member")
            try requireRank(actor, over: target, "deactivate")
            try requireNotLastAdmin(target, workspace, "deactivated")
        case .reactivate(let target):
            try require(.removeTeamMembers, actor, "reactivate a member")
            try requireRank(actor, over: target, "reactivate")
        case .removeMember(let target):
            try require(.removeTeamMembers, actor, "remove a member")
            try requireRank(actor, over: target, "remove")
            try requireNotLastAdmin(target, workspace, "removed")
        case .assign(let target, let inbox), .unassign(let target, let inbox):
            try requireVisible(inbox, actor)
            try require(modifyPermission(inbox.visibility), actor,
                        "change who is in a \(inbox.visibility.rawValue) inbox")
            if target.id != actor.id {
                try requireRank(actor, over: target, "change the inboxes of")
            }
        case .viewInbox(let inbox):
            try requireVisible(inbox, actor)
        case .addInbox(let visibility):
            try require(.addInbox, actor, "add an inbox")
            try require(modifyPermission(visibility), actor, "add a \(visibility.rawValue) inbox")
        case .renameInbox(let inbox):
            try requireVisible(inbox, actor)
            try require(modifyPermission(inbox.visibility), actor, "rename a \(inbox.visibility.rawValue) inbox")
        case .setInboxVisibility(let inbox, let newVisibility):
            try requireVisible(inbox, actor)
            try require(modifyPermission(inbox.visibility), actor, "change a \(inbox.visibility.rawValue) inbox")
            try require(modifyPermission(newVisibility), actor, "make an inbox \(newVisibility.rawValue)")
        case .removeInbox(let inbox):
            try requireVisible(inbox, actor)
            try require(.removeInbox, actor, "remove an inbox")
        case .invite(let role, let inboxes):
            for inbox in inboxes { try requireVisible(inbox, actor) }
            try require(.addTeamMembers, actor, "invite members")
            guard invitableRoles(for: actor).contains(role) else {
                throw Refusal(rule: .escalation,
                    message: "you are \(actor.role.rawValue) and can invite only roles below your own, not \(role.rawValue)")
            }
        case .manageInvitation:
            try require(.addTeamMembers, actor, "resend or revoke invitations")
        case .grantPermission(let target, let permission):
            try require(.modifyTeamMember, actor, "change a member's permissions")
            try requireRank(actor, over: target, "change the permissions of")
            try requireHeld(permission, actor)
        case .revokePermission(let target, let permission):
            try require(.modifyTeamMember, actor, "change a member's permissions")
            try requireRank(actor, over: target, "change the permissions of")
            if teamKeys.contains(permission) {
                try requireNotLastAdmin(target, workspace, "stripped of \(permission.rawValue)")
            }
        case .resetPermission(let target, let permission, let restores):
            try require(.modifyTeamMember, actor, "change a member's permissions")
            try requireRank(actor, over: target, "change the permissions of")
            if restores { try requireHeld(permission, actor) }
        case .addToGroup(let target, let grants, let inboxes):
            try require(.modifyTeam, actor, "change group membership")
            try requireRank(actor, over: target, "change the groups of")
            for permission in grants.sorted() { try requireHeld(permission, actor) }
            // Joining puts them in the group's inboxes: as if assigned one by one.
            for inbox in inboxes { try requireInboxChangeThroughGroup(inbox, actor) }
        case .removeFromGroup(let target, let inboxes):
            try require(.modifyTeam, actor, "change group membership")
            try requireRank(actor, over: target, "change the groups of")
            for inbox in inboxes { try requireInboxChangeThroughGroup(inbox, actor) }
        case .assignGroup(let inbox, let members), .unassignGroup(let inbox, let members):
            try requireVisible(inbox, actor)
            try require(modifyPermission(inbox.visibility), actor,
                        "change who is in a \(inbox.visibility.rawValue) inbox")
            // Exactly as assigning each member it brings in (or takes out) one by one.
            for target in members where target.id != actor.id {
                try requireRank(actor, over: target, "change the inboxes of")
            }
        case .signReview:
            try require(.modifyTeam, actor, "sign the access review")
            try requireWorkspaceAdmin(actor, "sign the access review")
        case .modifyTeamSettings(let grants):
            try require(.modifyTeam, actor, "change team settings or groups")
            for permission in grants.sorted() { try requireHeld(permission, actor) }
        case .editRoleDefaults(let edits):
            try require(.modifyTeam, actor, "change a role's default permissions")
            try requireWorkspaceAdmin(actor, "change a role's default permissions")
            for edit in edits {
                for permission in edit.added.sorted() { try requireHeld(permission, actor) }
            }
            for edit in edits where edit.role == .workspaceAdmin {
                // Every workspace-admin would lose it at once: nobody could manage the team any more.
                if let missing = teamKeys.sorted().first(where: { !edit.after.contains($0) }) {
                    throw Refusal(rule: .lastWorkspaceAdmin, permission: missing,
                        message: "the workspace-admin role must keep \(missing.rawValue), or nobody could manage the team")
                }
            }
        case .viewAs:
            try requireWorkspaceAdmin(actor, "view the workspace as another role or member")
        case .modifyBilling:
            try require(.modifyBilling, actor, "change billing")
        case .viewBilling:
            // Billing (plan, seats, billing contact) is shown to those who may change it.
            try require(.modifyBilling, actor, "see billing")
        case .viewContacts:
            // Contacts are the people the whole team texts: every active member may read them.
            return
        case .updateContact:
            try require(.updateContact, actor, "add, edit or remove contacts")
        case .updateProperty:
            try require(.updateProperty, actor, "add, rename, change or remove contact properties")
        case .viewAudit:
            try require(.modifyTeam, actor, "read the audit log")
        case .viewMessages(let inbox):
            try requireVisible(inbox, actor)
            try require(.viewMessages, actor, "read an inbox's messages")
        case .deleteMessages(let inbox):
            try requireVisible(inbox, actor)
            try require(.deleteMessages, actor, "delete messages")
        case .importMessages(let inbox):
            // Importing is what a transport does for an inbox: it changes the inbox's
            // conversations (its modify permission, as assigning needs) and nobody
            // writes messages they could not read back.
            try requireVisible(inbox, actor)
            try require(.viewMessages, actor, "import messages")
            try require(modifyPermission(inbox.visibility), actor,
                        "import messages into a \(inbox.visibility.rawValue) inbox")
        }
    }

    private static func modifyPermission(_ visibility: InboxVisibility) -> Permission {
        visibility == .public ? .modifyPublicInbox : .modifyPrivateInbox
    }

    private static func requireActive(_ actor: ActorFacts) throws(Refusal) {
        guard actor.status == .active else {
            throw Refusal(rule: .deactivated, message: "your membership is deactivated")
        }
    }

    private static func require(_ permission: Permission, _ actor: ActorFacts, _ what: String) throws(Refusal) {
        guard actor.permissions.contains(permission) else {
            throw Refusal(rule: .permissionMissing, permission: permission,
                message: "you need \(permission.rawValue) to \(what)")
        }
    }

    private static func requireHeld(_ permission: Permission, _ actor: ActorFacts) throws(Refusal) {
        guard actor.permissions.contains(permission) else {
            throw Refusal(rule: .escalation, permission: permission,
                message: "you cannot give \(permission.rawValue) because you do not hold it yourself")
        }
    }

    /// Strictly higher rank than the target; workspace-admins may act on each other.
    private static func requireRank(_ actor: ActorFacts, over target: TargetFacts, _ verb: String) throws(Refusal) {
        if actor.role == .workspaceAdmin && target.role == .workspaceAdmin { return }
        guard actor.role.rank > target.role.rank else {
            let whom = target.id == actor.id ? "yourself" : "a member ranked \(target.role.rawValue)"
            throw Refusal(rule: .rank,
                message: "you are \(actor.role.rawValue) and cannot \(verb) \(whom); that needs a higher rank")
        }
    }

    /// Workspace-wide powers that no rank below the owner role may use.
    private static func requireWorkspaceAdmin(_ actor: ActorFacts, _ what: String) throws(Refusal) {
        guard actor.role == .workspaceAdmin else {
            throw Refusal(rule: .rank,
                message: "you are \(actor.role.rawValue) and cannot \(what); that needs workspace-admin")
        }
    }

    /// No lock-out: the last active workspace-admin, and the last one bound
    /// to a login and holding both ``teamKeys``, must stay. An admin with no
    /// login does not count: nobody can operate the workspace as them without `--as`.
    private static func requireNotLastAdmin(_ target: TargetFacts, _ workspace: WorkspaceFacts,
                                            _ outcome: String) throws(Refusal) {
        if target.role == .workspaceAdmin, target.status == .active, workspace.activeWorkspaceAdmins <= 1 {
            throw Refusal(rule: .lastWorkspaceAdmin,
                message: "the last active workspace-admin cannot be \(outcome); make another member workspace-admin first")
        }
        let operable = workspace.keyholders.subtracting(workspace.withoutLogin)
        if operable.contains(target.id), operable.count <= 1 {
            throw Refusal(rule: .lastWorkspaceAdmin,
                message: "the last active workspace-admin bound to a login and holding modify-team-member and add-team-members cannot be \(outcome); give another workspace-admin with a login both first")
        }
    }

    /// A group membership that puts a member in (or takes them out of) an
    /// inbox needs what assigning them would. An inbox the actor cannot see is
    /// not named: the refusal says only that the group has one.
    private static func requireInboxChangeThroughGroup(_ inbox: InboxFacts, _ actor: ActorFacts) throws(Refusal) {
        guard canSee(inbox, actor: actor) else {
            throw Refusal(rule: .permissionMissing, permission: .viewPrivateInbox,
                message: "the group works in an inbox you cannot see; changing its members needs view-private-inbox")
        }
        try require(modifyPermission(inbox.visibility), actor,
                    "put a member in a \(inbox.visibility.rawValue) inbox or take them out (the group works in one)")
    }

    private static func requireVisible(_ inbox: InboxFacts, _ actor: ActorFacts) throws(Refusal) {
        guard canSee(inbox, actor: actor) else {
            throw Refusal(rule: .visibility, message: noSuchInbox(inbox.phone))
        }
    }
}
