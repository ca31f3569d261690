import Foundation
import Testing
import TestSupport
@testable import TeamCore
@testable import TeamStore

/// What a workspace file says about permissions is what a fresh process
/// reads back: a customised role matrix and group grants, written by one
/// connection, decide the effective permissions and the guard's answers of
/// another opened afterwards (no cache, no shipped default in between).
@Suite(.timeLimit(.minutes(10))) struct ReloadedPermissionTests {
    typealias F = StoreFixture

    @Test func aCustomisedMatrixAndGroupGrantsAreWhatTheReopenedFileDecides() throws {
        let fixture = try StoreFixture()
        do {
            let owner = try fixture.open(as: .workspaceAdmin)
            _ = try owner.perform(.setRoleDefaults(role: .agent, adding: [.addInbox], removing: [.removeTeamMembers, .viewMessages]))
            _ = try owner.perform(.createGroup(name: Group.validName("Night")))
            _ = try owner.perform(.grantToGroup(group: Group.validName("Night"), permission: .viewPrivateInbox))
            _ = try owner.perform(.grantToGroup(group: Group.validName("Night"), permission: .viewMessages))
            _ = try owner.perform(.addToGroup(group: Group.validName("Night"), member: F.email(.agent)))
        }
        // Written out by hand: the shipped agent, customised, plus the group.
        let agentRole: Set<Permission> = [.modifyPublicInbox, .viewPublicInbox, .updateContact, .updateProperty, .addInbox]
        let agentWithGroup = agentRole.union([.viewPrivateInbox, .viewMessages])

        let reopened = try fixture.open(as: .agent)
        #expect(try reopened.roleMatrix().permissions(of: .agent) == agentRole)
        #expect(try reopened.member(F.email(.agent)).permissions == agentWithGroup)
        #expect(try reopened.member(F.email(.agent)).groups == ["Night"])
        #expect(try reopened.explain(F.email(.agent), .viewMessages).sources == [.roleRemoved(.agent), .group("Night")])
        #expect(try reopened.explain(F.email(.agent), .addInbox).sources == [.roleAdded(.agent)])

        // The guard of the reopened file acts on it: the removed permission refuses, the added one and the grant allow.
        #expect { try reopened.perform(.deactivate(member: F.email(.member))) } throws: { error in
            guard case TeamError.refused(let refusal) = error else { return false }
            return refusal.rule == .permissionMissing && refusal.permission == .removeTeamMembers
        }
        #expect(try reopened.inboxList().map(\.phone).contains(F.privatePhone), "the group's grant shows private inboxes")
        #expect(try reopened.perform(.addInbox(phone: PhoneNumber("+14155550102"), name: DisplayName("Night line"),
                                               visibility: .public)).changed)
    }
}
