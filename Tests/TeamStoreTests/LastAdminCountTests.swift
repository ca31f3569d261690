import Foundation
import Testing
@testable import TeamCore
@testable import TeamStore

/// The lock-out rule counts only active, login-bound workspace-admins.
@Suite(.timeLimit(.minutes(10))) struct LastAdminCountTests {
    @Test func aDeactivatedSecondAdminDoesNotLetTheActiveOneDemoteThemself() throws {
        let fixture = try StoreFixture()
        let owner = try fixture.open(as: .workspaceAdmin)
        // A second workspace-admin, bound to a login, then deactivated.
        _ = try owner.perform(.setRole(member: StoreFixture.email(.admin), role: .workspaceAdmin))
        _ = try owner.perform(.deactivate(member: StoreFixture.email(.admin)))
        #expect { try owner.perform(.setRole(member: StoreFixture.email(.workspaceAdmin), role: .admin)) } throws: { error in
            guard case TeamError.refused(let refusal) = error else { return false }
            return refusal.rule == .lastWorkspaceAdmin
        }
        #expect(try owner.member(StoreFixture.email(.workspaceAdmin)).member.role == .workspaceAdmin)
    }

    /// The count half of the lock-out rule, alone: the only active
    /// workspace-admin has no login (a file from before logins were bound,
    /// or edited by hand: the guard never lets a workspace get here) and a
    /// second one, bound to a login, is deactivated. Acting as the active
    /// one with `--as`, standing down is refused: the deactivated one must
    /// not count. The login-bound half cannot refuse here (nobody active
    /// has a login), so this fails if the count forgets `status`.
    @Test(arguments: [true, false])
    func theLastActiveWorkspaceAdminCannotStandDownBesideADeactivatedOne(_ demote: Bool) throws {
        let fixture = try StoreFixture()
        let owner = try fixture.open(as: .workspaceAdmin)
        let active = try EmailAddress("active@acme.test"), resting = try EmailAddress("resting@acme.test")
        try owner.writing {
            _ = try owner.insertMember(email: active, name: DisplayName("Active Admin"), role: .workspaceAdmin,
                                       login: nil, status: .active)
            _ = try owner.insertMember(email: resting, name: DisplayName("Resting Admin"), role: .workspaceAdmin,
                                       login: "resting-login", status: .deactivated)
            try owner.db.run("UPDATE members SET role = 'admin' WHERE email = ?", [StoreFixture.email(.workspaceAdmin).value])
        }
        let asActive = try SQLiteWorkspace.open(path: fixture.path, identity: OperatorIdentity(
            osLogin: "anyone", asEmail: active, interface: .cli), options: StoreOptions())
        let command: TeamCommand = demote ? .setRole(member: active, role: .admin) : .deactivate(member: active)
        #expect { try asActive.perform(command) } throws: { error in
            guard case TeamError.refused(let refusal) = error else { return false }
            return refusal.rule == .lastWorkspaceAdmin
                && refusal.message.hasPrefix("the last active workspace-admin cannot be \(demote ? "demoted" : "deactivated")")
        }
        let after = try asActive.member(active).member
        #expect(after.role == .workspaceAdmin && after.status == .active)
    }

    @Test(arguments: [Role.agent, .member])
    func onlyThoseWhoMayReadTheAuditLogCanReadIt(_ role: Role) throws {
        let fixture = try StoreFixture()
        #expect { try fixture.open(as: role).auditEvents(limit: nil) } throws: { error in
            guard case TeamError.refused(let refusal) = error else { return false }
            return refusal.rule == .permissionMissing
        }
        #expect { try fixture.open(as: role).auditEvents(AuditQuery()) } throws: { error in
            guard case TeamError.refused = error else { return false }
            return true
        }
        #expect(try fixture.open(as: .manager).auditEvents(limit: 1).count == 1, "managers hold modify-team")
    }
}
