import Foundation
import Testing
@testable import TeamCore
@testable import TeamStore

/// The lock-out rule counts only active, login-bound workspace-admins.
@Suite struct LastAdminCountTests {
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
