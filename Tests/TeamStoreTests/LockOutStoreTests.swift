import Foundation
import Testing
@testable import TeamCore
@testable import TeamStore

/// The lock-out facts come from the file inside the write transaction.
@Suite(.timeLimit(.minutes(10))) struct LockOutStoreTests {
    typealias F = StoreFixture

    @Test func aSecondWorkspaceAdminWithoutALoginDoesNotLetTheBoundOneLeave() throws {
        let fixture = try StoreFixture()
        let owner = try fixture.open(as: .workspaceAdmin)
        // As the demo has: a second active workspace-admin nobody logs in as.
        _ = try owner.writing {
            try owner.insertMember(email: EmailAddress("ghost@acme.test"), name: DisplayName("Ghost Admin"),
                                   role: .workspaceAdmin, login: nil, status: .active)
        }
        let before = try fixture.auditCount()
        for command in [TeamCommand.setRole(member: F.email(.workspaceAdmin), role: .admin),
                        .deactivate(member: F.email(.workspaceAdmin)),
                        .revokePermission(member: F.email(.workspaceAdmin), permission: .addTeamMembers)] {
            #expect { try owner.perform(command) } throws: { refusedRule($0) == .lastWorkspaceAdmin }
        }
        #expect(try owner.member(F.email(.workspaceAdmin)).member.role == .workspaceAdmin)
        #expect(try owner.operatorContext().permissions.isSuperset(of: Guard.teamKeys))
        #expect(try fixture.auditCount() - before <= 3, "at most the refusals are recorded")
        // The one without a login may be demoted.
        _ = try owner.perform(.setRole(member: EmailAddress("ghost@acme.test"), role: .admin))
    }
}
