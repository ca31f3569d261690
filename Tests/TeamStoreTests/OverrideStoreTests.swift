import Foundation
import Testing
import TestSupport
@testable import TeamCore
@testable import TeamStore

/// `permissions grant|revoke|reset` through the store: each rule refuses,
/// names itself and changes nothing.
@Suite(.timeLimit(.minutes(10))) struct OverrideStoreTests {
    typealias F = StoreFixture

    /// Runs `command` expecting a refusal by `rule`, and checks the file did not change.
    static func expectRefused(_ command: TeamCommand, by workspace: SQLiteWorkspace, _ fixture: StoreFixture,
                              _ rule: GuardRule, sourceLocation: SourceLocation = #_sourceLocation) {
        let before = try? fixture.stateOutsideRefusals()
        #expect(sourceLocation: sourceLocation) { try workspace.perform(command) } throws: { refusedRule($0) == rule }
        #expect((try? fixture.stateOutsideRefusals()) == before, "a refusal changed the workspace", sourceLocation: sourceLocation)
    }

    @Test func grantRevokeAndResetChangeTheVerdictAndAreAudited() throws {
        let fixture = try StoreFixture()
        let owner = try fixture.open(as: .workspaceAdmin)
        let agent = F.email(.agent)
        #expect(try !owner.explain(agent, .addInbox).held)

        let granted = try owner.perform(.grantPermission(member: agent, permission: .addInbox))
        #expect(granted.message == "granted add-inbox to agent@acme.test (per-member override); they hold it")
        #expect(try owner.explain(agent, .addInbox).sources == [.grant])
        let event = try #require(try owner.auditEvents(limit: 1).first)
        #expect(event.action == "permission.grant")
        #expect(event.target == "agent@acme.test")
        #expect(event.before == #"{"permission":"add-inbox","override":null,"held":false}"#)
        #expect(event.after == #"{"permission":"add-inbox","override":"grant","held":true}"#)

        // A revoke replaces the grant and beats the role too.
        _ = try owner.perform(.revokePermission(member: agent, permission: .addInbox))
        _ = try owner.perform(.revokePermission(member: agent, permission: .viewMessages))
        #expect(try !owner.explain(agent, .viewMessages).held)
        #expect(try owner.member(agent).overrides.count == 2)

        let reset = try owner.perform(.resetPermission(member: agent, permission: .viewMessages))
        #expect(reset.message.hasSuffix("they hold it"))
        #expect(try owner.explain(agent, .viewMessages).sources == [.role(.agent)])
        let resetEvent = try #require(try owner.auditEvents(limit: 1).first)
        #expect(resetEvent.action == "permission.reset")
        #expect(resetEvent.after == #"{"permission":"view-messages","override":null,"held":true}"#)
    }

    @Test func noOpsWriteNothing() throws {
        let fixture = try StoreFixture()
        let owner = try fixture.open(as: .workspaceAdmin)
        _ = try owner.perform(.grantPermission(member: F.email(.agent), permission: .addInbox))
        let count = try fixture.auditCount()
        #expect(try !owner.perform(.grantPermission(member: F.email(.agent), permission: .addInbox)).changed)
        #expect(try !owner.perform(.resetPermission(member: F.email(.member), permission: .addInbox)).changed)
        #expect(try fixture.auditCount() == count)
    }

    @Test func nobodyGrantsWhatTheyDoNotHoldNotEvenToThemselves() throws {
        let fixture = try StoreFixture()
        let admin = try fixture.open(as: .admin)
        // admin lacks view-messages and delete-messages in the shipped matrix.
        Self.expectRefused(.grantPermission(member: F.email(.member), permission: .deleteMessages), by: admin, fixture, .escalation)
        let owner = try fixture.open(as: .workspaceAdmin)
        Self.expectRefused(.grantPermission(member: F.email(.workspaceAdmin), permission: .deleteMessages), by: owner, fixture, .escalation)
        #expect(try admin.perform(.grantPermission(member: F.email(.member), permission: .addInbox)).changed)
    }

    @Test func droppingARevokeGivesThePermissionBackSoItNeedsHoldingIt() throws {
        let fixture = try StoreFixture()
        let owner = try fixture.open(as: .workspaceAdmin)
        let admin = try fixture.open(as: .admin)
        _ = try owner.perform(.revokePermission(member: F.email(.agent), permission: .viewMessages))
        Self.expectRefused(.resetPermission(member: F.email(.agent), permission: .viewMessages), by: admin, fixture, .escalation)
        // Dropping a grant only takes away: no escalation.
        _ = try owner.perform(.grantPermission(member: F.email(.agent), permission: .viewMessages))
        #expect(try admin.perform(.resetPermission(member: F.email(.agent), permission: .viewMessages)).changed)
    }

    @Test func overridesNeedModifyTeamMemberAndAHigherRank() throws {
        let fixture = try StoreFixture()
        Self.expectRefused(.grantPermission(member: F.email(.agent), permission: .viewMessages),
                           by: try fixture.open(as: .manager), fixture, .permissionMissing)
        let admin = try fixture.open(as: .admin)
        Self.expectRefused(.revokePermission(member: F.email(.admin), permission: .addInbox), by: admin, fixture, .rank)
        Self.expectRefused(.grantPermission(member: F.email(.workspaceAdmin), permission: .addInbox), by: admin, fixture, .rank)
    }

    @Test func theLastWorkspaceAdminKeepsBothTeamKeys() throws {
        let fixture = try StoreFixture()
        let owner = try fixture.open(as: .workspaceAdmin)
        for key in [Permission.modifyTeamMember, .addTeamMembers] {
            Self.expectRefused(.revokePermission(member: F.email(.workspaceAdmin), permission: key), by: owner, fixture, .lastWorkspaceAdmin)
        }
        #expect(try owner.perform(.revokePermission(member: F.email(.workspaceAdmin), permission: .modifyBilling)).changed)

        // A second workspace-admin: now the owner may give up a key…
        _ = try owner.perform(.setRole(member: F.email(.admin), role: .workspaceAdmin))
        #expect(try owner.perform(.revokePermission(member: F.email(.workspaceAdmin), permission: .addTeamMembers)).changed)
        // …but then the other one is the last who holds both, though two are active.
        Self.expectRefused(.revokePermission(member: F.email(.admin), permission: .modifyTeamMember), by: owner, fixture, .lastWorkspaceAdmin)
        Self.expectRefused(.deactivate(member: F.email(.admin)), by: owner, fixture, .lastWorkspaceAdmin)
        Self.expectRefused(.setRole(member: F.email(.admin), role: .manager), by: owner, fixture, .lastWorkspaceAdmin)
        // The owner, lacking a key, may be demoted.
        #expect(try owner.perform(.setRole(member: F.email(.workspaceAdmin), role: .admin)).changed)
    }

    @Test func anOverrideMovesTheMemberVersionSoStaleEditsAreRefused() throws {
        let fixture = try StoreFixture()
        let owner = try fixture.open(as: .workspaceAdmin)
        let seen = try owner.member(F.email(.agent)).member.version
        _ = try owner.perform(.grantPermission(member: F.email(.agent), permission: .addInbox))
        #expect { try owner.perform(.revokePermission(member: F.email(.agent), permission: .addInbox, expectedVersion: seen)) } throws: {
            if case .stale = $0 as? TeamError { return true }
            return false
        }
        #expect(try owner.explain(F.email(.agent), .addInbox).held)
    }
}
