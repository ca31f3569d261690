import Testing
@testable import TeamCore

@Suite(.timeLimit(.minutes(10))) struct RoleLintTests {
    static let everything = Set(Permission.allCases)

    @Test func theShippedMatrixHasTheSeedsOddities() {
        let findings = RoleLint.findings(LintFacts(matrix: .shipped, groups: [], held: Self.everything))
        #expect(findings.map { "\($0.rule.rawValue): \($0.message)" } == [
            "lower-role-holds-more: workspace-admin lacks delete-messages, which lower roles hold: manager",
            "lower-role-holds-more: admin lacks view-messages, which lower roles hold: manager, agent, member",
            "lower-role-holds-more: admin lacks delete-messages, which lower roles hold: manager",
            "lower-role-holds-more: manager lacks remove-team-members, which lower roles hold: agent",
            "removes-without-adding: agent may remove team members (remove-team-members) but not add them (add-team-members)",
            "lowest-role-administers: member, the lowest role, holds modify-public-inbox",
        ])
    }

    @Test func aPermissionNobodyHoldsAndARedundantGroupAreFound() {
        let groups = [
            LintFacts.GroupFacts(name: "Night shift", grants: [.viewPrivateInbox, .viewMessages], memberRoles: [.agent, .member]),
            LintFacts.GroupFacts(name: "Empty", grants: [.viewMessages], memberRoles: []),
        ]
        let findings = RoleLint.findings(LintFacts(matrix: .shipped, groups: groups,
                                                   held: Self.everything.subtracting([.deleteMessages])))
        #expect(findings.filter { $0.rule == .nobodyHolds }.map(\.permission) == [.deleteMessages])
        let redundant = findings.filter { $0.rule == .redundantGroupGrant }
        #expect(redundant.map(\.message) == ["group 'Night shift' grants view-messages, which every member's role already holds (agent, member)"])
        #expect(redundant.first?.group == "Night shift")
    }

    @Test func aConsistentMatrixIsClean() {
        // Every role a subset of the one above, nothing administrative for member, no remove without add.
        let ladder: [Role: Set<Permission>] = [
            .workspaceAdmin: Self.everything, .admin: Self.everything.subtracting([.deleteMessages]),
            .manager: [.addInbox, .removeInbox, .viewPublicInbox, .viewMessages, .updateContact],
            .agent: [.viewPublicInbox, .viewMessages, .updateContact], .member: [.viewPublicInbox],
        ]
        let groups = [LintFacts.GroupFacts(name: "Billing", grants: [.modifyBilling], memberRoles: [.manager])]
        #expect(RoleLint.findings(LintFacts(matrix: RoleMatrix(permissions: ladder), groups: groups, held: Self.everything)).isEmpty)
    }
}
