import Testing
@testable import TeamCore

/// The lock-out rule counts only workspace-admins someone can actually log in
/// as: an admin with no bound login is reachable only with `--as`.
@Suite(.timeLimit(.minutes(10))) struct LoginBoundKeyholderTests {
    typealias R = GuardRuleTests

    /// 100 (bound to a login) and 101 (no login) are both active
    /// workspace-admins holding both team keys.
    static let oneBound = WorkspaceFacts(activeWorkspaceAdmins: 2, keyholders: [100, 101], withoutLogin: [101])

    @Test func theOnlyLoginBoundKeyholderCannotLeave() {
        for action in [GuardAction.changeRole(R.soleAdmin, to: .admin), .deactivate(R.soleAdmin),
                       .removeMember(R.soleAdmin), .revokePermission(R.soleAdmin, .modifyTeamMember),
                       .revokePermission(R.soleAdmin, .addTeamMembers)] {
            let refusal = Guard.check(action, by: R.selfAdmin, in: Self.oneBound).refusal
            #expect(refusal?.rule == .lastWorkspaceAdmin, "\(action)")
            #expect(refusal?.message.contains("bound to a login") == true, "\(action)")
        }
    }

    @Test func theAdminWithoutALoginMayGoAndTwoBoundOnesMayEachLeave() {
        let unbound = TargetFacts(id: 101, role: .workspaceAdmin, status: .active)
        #expect(Guard.check(.changeRole(unbound, to: .admin), by: R.selfAdmin, in: Self.oneBound).isAllowed)
        let bothBound = WorkspaceFacts(activeWorkspaceAdmins: 2, keyholders: [100, 101])
        #expect(Guard.check(.changeRole(R.soleAdmin, to: .admin), by: R.selfAdmin, in: bothBound).isAllowed)
    }
}
