import Foundation
import Testing
import TestSupport
@testable import TeamCore
@testable import TeamStore

/// `roles set` and `roles reset` through the store.
@Suite(.timeLimit(.minutes(10))) struct RoleDefaultStoreTests {
    typealias F = StoreFixture
    typealias O = OverrideStoreTests

    @Test func aWorkspaceAdminChangesARoleAndResetsIt() throws {
        let fixture = try StoreFixture()
        let owner = try fixture.open(as: .workspaceAdmin)
        let outcome = try owner.perform(.setRoleDefaults(role: .admin, adding: [.viewMessages], removing: [.modifyBilling]))
        #expect(outcome.message == "role defaults changed in this workspace: admin +view-messages -modify-billing")
        #expect(try owner.roleMatrix().holds(.admin, .viewMessages))
        #expect(try owner.explain(F.email(.admin), .viewMessages).sources == [.roleAdded(.admin)])
        #expect(try owner.explain(F.email(.admin), .modifyBilling).sources == [.roleRemoved(.admin)])
        #expect(try !owner.explain(F.email(.admin), .modifyBilling).held)
        let event = try #require(try owner.auditEvents(limit: 1).first)
        #expect(event.action == "role.set-defaults")
        #expect(event.target == "admin")
        #expect(event.before?.contains(#""admin":["add-inbox","#) == true)
        #expect(event.before?.contains("modify-billing") == true)
        #expect(event.after?.contains("modify-billing") == false)
        #expect(event.after?.contains("view-messages") == true)

        _ = try owner.perform(.setRoleDefaults(role: .agent, adding: [], removing: [.removeTeamMembers]))
        _ = try owner.perform(.resetRoleDefaults(role: .admin))
        #expect(try owner.roleMatrix().permissions(of: .admin) == RoleMatrix.shipped.permissions(of: .admin))
        #expect(try !owner.roleMatrix().holds(.agent, .removeTeamMembers))
        let all = try owner.perform(.resetRoleDefaults(role: nil))
        #expect(all.message == "restored the shipped defaults: agent +remove-team-members")
        #expect(try owner.roleMatrix() == .shipped)
        // Back to the shipped matrix, the file says "not customised" again.
        #expect(try owner.db.scalarInt("SELECT count(*) FROM role_permissions") == 0)
        #expect(try !owner.perform(.resetRoleDefaults(role: nil)).changed)
        #expect(try !owner.perform(.setRoleDefaults(role: .agent, adding: [.viewMessages], removing: [])).changed)
    }

    @Test func onlyAWorkspaceAdminMayAndOnlyWithWhatTheyHold() throws {
        let fixture = try StoreFixture()
        let change = TeamCommand.setRoleDefaults(role: .member, adding: [], removing: [.modifyPublicInbox])
        O.expectRefused(change, by: try fixture.open(as: .agent), fixture, .permissionMissing)
        O.expectRefused(change, by: try fixture.open(as: .admin), fixture, .rank)
        let owner = try fixture.open(as: .workspaceAdmin)
        O.expectRefused(.setRoleDefaults(role: .agent, adding: [.deleteMessages], removing: []), by: owner, fixture, .escalation)
        #expect(try owner.perform(change).changed)
    }

    @Test func theWorkspaceAdminRoleKeepsBothTeamKeys() throws {
        let fixture = try StoreFixture()
        let owner = try fixture.open(as: .workspaceAdmin)
        for key in [Permission.modifyTeamMember, .addTeamMembers] {
            O.expectRefused(.setRoleDefaults(role: .workspaceAdmin, adding: [], removing: [key]), by: owner, fixture, .lastWorkspaceAdmin)
        }
        #expect(try owner.perform(.setRoleDefaults(role: .workspaceAdmin, adding: [], removing: [.modifyBilling])).changed)
    }

    @Test func restoringTheShippedMatrixIsAnEditLikeAnyOther() throws {
        let fixture = try StoreFixture()
        let owner = try fixture.open(as: .workspaceAdmin)
        // The owner drops view-messages from their own role, and so no longer holds it…
        _ = try owner.perform(.setRoleDefaults(role: .workspaceAdmin, adding: [], removing: [.viewMessages]))
        // …so they cannot give it back, not even by restoring the shipped default.
        O.expectRefused(.resetRoleDefaults(role: .workspaceAdmin), by: owner, fixture, .escalation)
        O.expectRefused(.resetRoleDefaults(role: nil), by: owner, fixture, .escalation)
    }

    @Test func badEditsAreInvalidAndChangeNothing() throws {
        let fixture = try StoreFixture()
        let owner = try fixture.open(as: .workspaceAdmin)
        let before = fixture.fileBytes()
        #expect { try owner.perform(.setRoleDefaults(role: .agent, adding: [.addInbox], removing: [.addInbox])) } throws: {
            $0 as? TeamError == .invalid(ValidationError(field: "permissions", message: "add-inbox is both added and removed"))
        }
        #expect { try owner.perform(.setRoleDefaults(role: .agent, adding: [], removing: [])) } throws: {
            if case .invalid = $0 as? TeamError { return true }
            return false
        }
        #expect(fixture.fileBytes() == before)
    }
}
