import Testing
@testable import TeamCore

/// The special rules of SPEC §3, one by one.
@Suite(.timeLimit(.minutes(10))) struct GuardRuleTests {
    typealias G = GuardExhaustiveTests
    static let oneAdmin = WorkspaceFacts(activeWorkspaceAdmins: 1)

    static let soleAdmin = TargetFacts(id: 100, role: .workspaceAdmin, status: .active)
    static let selfAdmin = ActorFacts(id: 100, role: .workspaceAdmin, status: .active,
                                      permissions: RoleMatrix.shipped.permissions(of: .workspaceAdmin))

    @Test func lastWorkspaceAdminCannotBeDemotedDeactivatedRemovedOrStripped() {
        for action in [GuardAction.changeRole(Self.soleAdmin, to: .admin), .deactivate(Self.soleAdmin),
                       .removeMember(Self.soleAdmin), .revokePermission(Self.soleAdmin, .modifyTeamMember)] {
            let decision = Guard.check(action, by: Self.selfAdmin, in: Self.oneAdmin)
            #expect(decision.refusal?.rule == .lastWorkspaceAdmin, "\(action)")
        }
    }

    @Test func lastWorkspaceAdminMayKeepTheRoleAndLoseOtherPermissions() {
        #expect(Guard.check(.changeRole(Self.soleAdmin, to: .workspaceAdmin), by: Self.selfAdmin, in: Self.oneAdmin).isAllowed)
        #expect(Guard.check(.revokePermission(Self.soleAdmin, .modifyBilling), by: Self.selfAdmin, in: Self.oneAdmin).isAllowed)
    }

    @Test func withTwoWorkspaceAdminsOneMayDemoteTheOther() {
        let other = TargetFacts(id: 101, role: .workspaceAdmin, status: .active)
        #expect(Guard.check(.changeRole(other, to: .agent), by: Self.selfAdmin, in: G.twoAdmins).isAllowed)
        #expect(Guard.check(.changeRole(Self.soleAdmin, to: .agent), by: Self.selfAdmin, in: G.twoAdmins).isAllowed)
    }

    /// Two active workspace-admins, but only 100 still holds both team keys
    /// (101 had add-team-members revoked): 100 is the last who can manage the team.
    static let oneKeyholder = WorkspaceFacts(activeWorkspaceAdmins: 2, keyholders: [100])

    @Test func theLastWorkspaceAdminHoldingBothTeamKeysMustStay() {
        let stripped = TargetFacts(id: 101, role: .workspaceAdmin, status: .active)
        for action in [GuardAction.changeRole(Self.soleAdmin, to: .admin), .deactivate(Self.soleAdmin),
                       .removeMember(Self.soleAdmin), .revokePermission(Self.soleAdmin, .modifyTeamMember),
                       .revokePermission(Self.soleAdmin, .addTeamMembers)] {
            let decision = Guard.check(action, by: Self.selfAdmin, in: Self.oneKeyholder)
            #expect(decision.refusal?.rule == .lastWorkspaceAdmin, "\(action)")
            #expect(decision.refusal?.message.contains("holding modify-team-member and add-team-members") == true)
        }
        // The other workspace-admin, who cannot manage the team anyway, may go; so may others' keys.
        for action in [GuardAction.deactivate(stripped), .changeRole(stripped, to: .admin),
                       .revokePermission(stripped, .modifyTeamMember), .revokePermission(Self.soleAdmin, .modifyBilling)] {
            #expect(Guard.check(action, by: Self.selfAdmin, in: Self.oneKeyholder).isAllowed, "\(action)")
        }
        // With a second keyholder the first may lose a key.
        let two = WorkspaceFacts(activeWorkspaceAdmins: 2, keyholders: [100, 101])
        #expect(Guard.check(.revokePermission(Self.soleAdmin, .addTeamMembers), by: Self.selfAdmin, in: two).isAllowed)
    }

    @Test func roleDefaultsAreAWorkspaceAdminsToChangeWithinWhatTheyHold() {
        let wa = RoleMatrix.shipped.permissions(of: .workspaceAdmin)
        let agent = RoleMatrix.shipped.permissions(of: .agent)
        let addDelete = RoleDefaultsEdit(role: .agent, before: agent, after: agent.union([.deleteMessages]))
        let escalation = Guard.check(.editRoleDefaults([addDelete]), by: Self.selfAdmin, in: G.twoAdmins)
        #expect(escalation.refusal?.rule == .escalation)
        #expect(escalation.refusal?.permission == .deleteMessages)

        let dropRemove = RoleDefaultsEdit(role: .agent, before: agent, after: agent.subtracting([.removeTeamMembers]))
        #expect(Guard.check(.editRoleDefaults([dropRemove]), by: Self.selfAdmin, in: G.twoAdmins).isAllowed)
        #expect(Guard.check(.editRoleDefaults([dropRemove]), by: G.actor(.admin), in: G.twoAdmins).refusal?.rule == .rank)

        for key in [Permission.modifyTeamMember, .addTeamMembers] {
            let strip = RoleDefaultsEdit(role: .workspaceAdmin, before: wa, after: wa.subtracting([key]))
            let decision = Guard.check(.editRoleDefaults([strip]), by: Self.selfAdmin, in: G.twoAdmins)
            #expect(decision.refusal?.rule == .lastWorkspaceAdmin)
            #expect(decision.refusal?.permission == key)
        }
    }

    @Test func onlyAWorkspaceAdminMayViewAsSomeoneElse() {
        #expect(Guard.check(.viewAs, by: Self.selfAdmin, in: G.twoAdmins).isAllowed)
        let refusal = Guard.check(.viewAs, by: G.actor(.admin), in: G.twoAdmins).refusal
        #expect(refusal?.rule == .rank)
        #expect(refusal?.message == "you are admin and cannot view the workspace as another role or member; that needs workspace-admin")
    }

    @Test func aDeactivatedWorkspaceAdminDoesNotCountAsTheLast() {
        let deactivated = TargetFacts(id: 101, role: .workspaceAdmin, status: .deactivated)
        #expect(Guard.check(.removeMember(deactivated), by: Self.selfAdmin, in: Self.oneAdmin).isAllowed)
    }

    @Test func noEscalationAboveOwnRole() {
        let admin = G.actor(.admin)
        let decision = Guard.check(.changeRole(G.target(.member), to: .workspaceAdmin), by: admin, in: G.twoAdmins)
        #expect(decision.refusal?.rule == .escalation)
        #expect(Guard.check(.changeRole(G.target(.member), to: .admin), by: admin, in: G.twoAdmins).isAllowed)
    }

    @Test func noGrantingAPermissionYouDoNotHold() {
        let admin = G.actor(.admin)
        let grant = Guard.check(.grantPermission(G.target(.agent), .viewMessages), by: admin, in: G.twoAdmins)
        #expect(grant.refusal?.rule == .escalation)
        #expect(grant.refusal?.permission == .viewMessages)
        #expect(Guard.check(.grantPermission(G.target(.agent), .addInbox), by: admin, in: G.twoAdmins).isAllowed)
    }

    @Test func invitationsOfferRolesBelowYourOwnAndAllToAWorkspaceAdmin() {
        #expect(Guard.invitableRoles(for: G.actor(.workspaceAdmin)) == Role.byRank)
        #expect(Guard.invitableRoles(for: G.actor(.admin)) == [.manager, .agent, .member])
        let peer = Guard.check(.invite(role: .admin, inboxes: []), by: G.actor(.admin), in: G.twoAdmins)
        #expect(peer.refusal?.rule == .escalation)
    }

    @Test func rankIsStrictExceptBetweenWorkspaceAdmins() {
        let admin = G.actor(.admin)
        #expect(Guard.check(.deactivate(G.target(.admin)), by: admin, in: G.twoAdmins).refusal?.rule == .rank)
        #expect(Guard.check(.deactivate(G.target(.manager)), by: admin, in: G.twoAdmins).isAllowed)
        #expect(Guard.check(.deactivate(G.target(.workspaceAdmin)), by: G.actor(.workspaceAdmin), in: G.twoAdmins).isAllowed)
        // The agent's odd remove-team-members reaches only members.
        #expect(Guard.check(.removeMember(G.target(.member)), by: G.actor(.agent), in: G.twoAdmins).isAllowed)
        #expect(Guard.check(.removeMember(G.target(.agent)), by: G.actor(.agent), in: G.twoAdmins).refusal?.rule == .rank)
    }

    @Test func membersMayChangeTheirOwnPublicInboxesButNotOthersOfEqualRank() {
        let me = G.actor(.member)
        let myself = TargetFacts(id: me.id, role: .member, status: .active)
        #expect(Guard.check(.assign(myself, G.publicInbox), by: me, in: G.twoAdmins).isAllowed)
        #expect(Guard.check(.assign(G.target(.member), G.publicInbox), by: me, in: G.twoAdmins).refusal?.rule == .rank)
    }

    @Test func privateInboxesAreInvisibleUnlessPermittedOrAssigned() {
        let agent = G.actor(.agent)
        #expect(!Guard.canSee(G.privateInbox, actor: agent))
        let refused = Guard.check(.viewInbox(G.privateInbox), by: agent, in: G.twoAdmins)
        #expect(refused.refusal?.rule == .visibility)
        // Same words as a number that does not exist: nothing is confirmed.
        #expect(refused.refusal?.message == Guard.noSuchInbox(G.privateInbox.phone))

        let assignedAgent = G.actor(.agent, assigned: [G.privateInbox.id])
        #expect(Guard.canSee(G.privateInbox, actor: assignedAgent))
        // Seeing is not modifying: the agent still lacks modify-private-inbox.
        let myself = TargetFacts(id: assignedAgent.id, role: .agent, status: .active)
        let unassign = Guard.check(.unassign(myself, G.privateInbox), by: assignedAgent, in: G.twoAdmins)
        #expect(unassign.refusal?.rule == .permissionMissing)
        #expect(unassign.refusal?.permission == .modifyPrivateInbox)
    }

    @Test func visibilityIsCheckedBeforeThePermissionSoNothingLeaks() {
        // A member lacks modify-private-inbox too; the answer must still be "no such inbox".
        let decision = Guard.check(.assign(G.target(.member), G.privateInbox), by: G.actor(.member), in: G.twoAdmins)
        #expect(decision.refusal?.rule == .visibility)
    }
}

@Suite(.timeLimit(.minutes(10))) struct EffectivePermissionTests {
    @Test func roleUnionGroupsUnionGrantsMinusRevokes() {
        let sources = PermissionSources(
            role: .agent, status: .active,
            groups: [Group(id: 1, name: "Night shift", grants: [.viewPrivateInbox])],
            overrides: [Override(permission: .addInbox, effect: .grant),
                        Override(permission: .viewMessages, effect: .revoke),
                        Override(permission: .viewPrivateInbox, effect: .revoke)])
        let result = EffectivePermissions.compute(sources, matrix: .shipped)
        #expect(result.contains(.addInbox))
        #expect(!result.contains(.viewMessages))
        #expect(!result.contains(.viewPrivateInbox), "a member revoke beats a group grant")
        #expect(result.contains(.modifyPublicInbox))
    }

    @Test func deactivatedMembersHoldNothing() {
        let sources = PermissionSources(role: .workspaceAdmin, status: .deactivated)
        #expect(EffectivePermissions.compute(sources, matrix: .shipped).isEmpty)
        let explanation = EffectivePermissions.explain(.addInbox, sources, matrix: .shipped)
        #expect(!explanation.held)
        #expect(explanation.sources == [.role(.workspaceAdmin), .deactivated])
    }

    @Test func explainListsEverySource() {
        let sources = PermissionSources(
            role: .manager, status: .active,
            groups: [Group(id: 2, name: "Billing", grants: [.modifyBilling]), Group(id: 3, name: "Auditors", grants: [.modifyBilling])],
            overrides: [Override(permission: .modifyBilling, effect: .grant)])
        let explanation = EffectivePermissions.explain(.modifyBilling, sources, matrix: .shipped)
        #expect(explanation.held)
        #expect(explanation.sources == [.group("Auditors"), .group("Billing"), .grant])
    }
}

@Suite(.timeLimit(.minutes(10))) struct IdentityRuleTests {
    @Test func actingAsAnotherMemberIsForTheSuperuserAndTheFileOwnerOnly() {
        #expect(OperatorIdentity.mayActAs(effectiveUID: 0, fileOwnerUID: 1000))
        #expect(OperatorIdentity.mayActAs(effectiveUID: 1000, fileOwnerUID: 1000))
        #expect(!OperatorIdentity.mayActAs(effectiveUID: 1001, fileOwnerUID: 1000))
        #expect(!OperatorIdentity.mayActAs(effectiveUID: 1001, fileOwnerUID: nil))
    }
}
