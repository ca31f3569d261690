import Testing
@testable import TeamCore

/// Every role × every action × every target rank, against the rules of
/// SPEC §3 written out as a plain oracle: the first rule that fails, in the
/// order the guard documents (deactivated, visibility, permission, rank,
/// escalation, last workspace-admin).
@Suite(.timeLimit(.minutes(10))) struct GuardExhaustiveTests {
    static let matrix = RoleMatrix.shipped
    static let publicInbox = InboxFacts(id: 1, phone: "+14155550100", visibility: .public)
    static let privateInbox = InboxFacts(id: 2, phone: "+14155550190", visibility: .private)
    static let twoAdmins = WorkspaceFacts(activeWorkspaceAdmins: 2)

    static func actor(_ role: Role, assigned: Set<InboxID> = []) -> ActorFacts {
        ActorFacts(id: 100, role: role, status: .active, permissions: matrix.permissions(of: role), assignedInboxes: assigned)
    }

    static func target(_ role: Role) -> TargetFacts { TargetFacts(id: 200, role: role, status: .active) }

    static func has(_ role: Role, _ permission: Permission) -> Bool { matrix.holds(role, permission) }

    /// Strictly higher rank, or both workspace-admins.
    static func outranks(_ actor: Role, _ target: Role) -> Bool {
        (actor == .workspaceAdmin && target == .workspaceAdmin) || actor.rank > target.rank
    }

    /// The oracle: nil when allowed, else the rule that must refuse.
    static func expected(_ action: GuardAction, actor a: Role) -> GuardRule? {
        func need(_ permission: Permission) -> GuardRule? { has(a, permission) ? nil : .permissionMissing }
        func rank(_ t: TargetFacts) -> GuardRule? { outranks(a, t.role) ? nil : .rank }
        func visible(_ inbox: InboxFacts) -> GuardRule? {
            has(a, inbox.visibility == .public ? .viewPublicInbox : .viewPrivateInbox) ? nil : .visibility
        }
        func modify(_ visibility: InboxVisibility) -> Permission {
            visibility == .public ? .modifyPublicInbox : .modifyPrivateInbox
        }
        // A group's inbox, gained or lost with a membership: hidden ones refuse as a missing permission (not named).
        func throughGroup(_ inbox: InboxFacts) -> GuardRule? {
            (visible(inbox) == nil ? nil : .permissionMissing) ?? need(modify(inbox.visibility))
        }
        switch action {
        case .readWorkspace: return nil
        case .changeRole(let t, let role):
            return need(.modifyTeamMember) ?? rank(t) ?? (role.rank <= a.rank ? nil : .escalation)
        case .renameMember(let t): return need(.modifyTeamMember) ?? rank(t)
        case .deactivate(let t), .reactivate(let t), .removeMember(let t): return need(.removeTeamMembers) ?? rank(t)
        case .assign(let t, let inbox), .unassign(let t, let inbox):
            return visible(inbox) ?? need(modify(inbox.visibility)) ?? rank(t)
        case .viewInbox(let inbox): return visible(inbox)
        case .addInbox(let visibility): return need(.addInbox) ?? need(modify(visibility))
        case .renameInbox(let inbox): return visible(inbox) ?? need(modify(inbox.visibility))
        case .setInboxVisibility(let inbox, let visibility):
            return visible(inbox) ?? need(modify(inbox.visibility)) ?? need(modify(visibility))
        case .removeInbox(let inbox): return visible(inbox) ?? need(.removeInbox)
        case .invite(let role, let inboxes):
            return inboxes.lazy.compactMap(visible).first ?? need(.addTeamMembers)
                ?? ((a == .workspaceAdmin || role.rank < a.rank) ? nil : .escalation)
        case .manageInvitation: return need(.addTeamMembers)
        case .grantPermission(let t, let p): return need(.modifyTeamMember) ?? rank(t) ?? (has(a, p) ? nil : .escalation)
        case .revokePermission(let t, _): return need(.modifyTeamMember) ?? rank(t)
        case .resetPermission(let t, let p, let restores):
            return need(.modifyTeamMember) ?? rank(t) ?? (!restores || has(a, p) ? nil : .escalation)
        case .addToGroup(let t, let grants, let inboxes):
            return need(.modifyTeam) ?? rank(t) ?? (grants.allSatisfy { has(a, $0) } ? nil : .escalation)
                ?? inboxes.lazy.compactMap(throughGroup).first
        case .removeFromGroup(let t, let inboxes):
            return need(.modifyTeam) ?? rank(t) ?? inboxes.lazy.compactMap(throughGroup).first
        case .assignGroup(let inbox, let members), .unassignGroup(let inbox, let members):
            return visible(inbox) ?? need(modify(inbox.visibility)) ?? members.lazy.compactMap(rank).first
        case .signReview: return need(.modifyTeam) ?? (a == .workspaceAdmin ? nil : .rank)
        case .modifyTeamSettings(let grants):
            return need(.modifyTeam) ?? (grants.allSatisfy { has(a, $0) } ? nil : .escalation)
        case .editRoleDefaults(let edits):
            let escalates = edits.contains { edit in edit.after.subtracting(edit.before).contains { !has(a, $0) } }
            let locksOut = edits.contains { edit in
                edit.role == .workspaceAdmin && !(edit.after.contains(.modifyTeamMember) && edit.after.contains(.addTeamMembers))
            }
            return need(.modifyTeam) ?? (a == .workspaceAdmin ? nil : .rank)
                ?? (escalates ? .escalation : nil) ?? (locksOut ? .lastWorkspaceAdmin : nil)
        case .viewAs: return a == .workspaceAdmin ? nil : .rank
        case .modifyBilling, .viewBilling: return need(.modifyBilling)
        case .viewContacts: return nil
        case .updateContact: return need(.updateContact)
        case .updateProperty: return need(.updateProperty)
        case .viewAudit: return need(.modifyTeam)
        case .viewMessages(let inbox): return visible(inbox) ?? need(.viewMessages)
        case .deleteMessages(let inbox): return visible(inbox) ?? need(.deleteMessages)
        case .importMessages(let inbox): return visible(inbox) ?? need(.viewMessages) ?? need(modify(inbox.visibility))
        }
    }

    /// Every action, on a target of every role where it takes one.
    static func allActions() -> [GuardAction] {
        var actions: [GuardAction] = [.readWorkspace, .manageInvitation, .modifyBilling, .viewBilling, .viewContacts,
                                      .updateContact, .updateProperty, .viewAudit, .viewAs, .signReview,
                                      .modifyTeamSettings(grants: []), .modifyTeamSettings(grants: [.deleteMessages])]
        for role in Role.allCases {
            let now = matrix.permissions(of: role)
            for permission in Permission.allCases {
                let toggled = now.contains(permission) ? now.subtracting([permission]) : now.union([permission])
                actions.append(.editRoleDefaults([RoleDefaultsEdit(role: role, before: now, after: toggled)]))
            }
        }
        for inbox in [publicInbox, privateInbox] {
            actions += [.viewInbox(inbox), .addInbox(inbox.visibility), .renameInbox(inbox), .removeInbox(inbox),
                        .viewMessages(inbox), .deleteMessages(inbox), .importMessages(inbox)]
            for visibility in InboxVisibility.allCases { actions.append(.setInboxVisibility(inbox, to: visibility)) }
        }
        for role in Role.allCases {
            actions.append(.invite(role: role, inboxes: []))
            actions.append(.invite(role: role, inboxes: [publicInbox]))
            actions.append(.invite(role: role, inboxes: [privateInbox]))
        }
        for targetRole in Role.allCases {
            let t = target(targetRole)
            actions += [.renameMember(t), .deactivate(t), .reactivate(t), .removeMember(t), .removeFromGroup(t),
                        .assign(t, publicInbox), .unassign(t, publicInbox), .assign(t, privateInbox), .unassign(t, privateInbox),
                        .addToGroup(t, grants: [.viewMessages]), .addToGroup(t, grants: [])]
            for inbox in [publicInbox, privateInbox] {
                actions += [.addToGroup(t, grants: [], inboxes: [inbox]), .removeFromGroup(t, inboxes: [inbox]),
                            .assignGroup(inbox, members: [t]), .unassignGroup(inbox, members: [t]),
                            .assignGroup(inbox, members: [])]
            }
            for role in Role.allCases { actions.append(.changeRole(t, to: role)) }
            for permission in Permission.allCases {
                actions += [.grantPermission(t, permission), .revokePermission(t, permission),
                            .resetPermission(t, permission, restores: true), .resetPermission(t, permission, restores: false)]
            }
        }
        return actions
    }

    @Test(arguments: Role.allCases)
    func everyActionOnEveryTargetRankMatchesTheRules(_ actorRole: Role) throws {
        let actions = Self.allActions()
        try #require(actions.count > 400)
        var allowed = 0
        for action in actions {
            let decision = Guard.check(action, by: Self.actor(actorRole), in: Self.twoAdmins)
            let want = Self.expected(action, actor: actorRole)
            #expect(decision.refusal?.rule == want, "\(actorRole.rawValue): \(action)")
            if decision.isAllowed { allowed += 1 }
        }
        // Sanity: the matrix is not trivially all-yes or all-no for any role.
        #expect(allowed > 0 && allowed < actions.count)
    }

    @Test(arguments: Role.allCases)
    func aDeactivatedActorIsRefusedEverything(_ role: Role) {
        let actor = ActorFacts(id: 100, role: role, status: .deactivated, permissions: Self.matrix.permissions(of: role))
        for action in Self.allActions() {
            #expect(Guard.check(action, by: actor, in: Self.twoAdmins).refusal?.rule == .deactivated, "\(action)")
        }
    }

    @Test func refusalsNameTheMissingPermission() {
        let decision = Guard.check(.changeRole(Self.target(.member), to: .agent), by: Self.actor(.manager), in: Self.twoAdmins)
        #expect(decision.refusal?.permission == .modifyTeamMember)
        #expect(decision.refusal?.message == "you need modify-team-member to change a member's role")
    }
}
