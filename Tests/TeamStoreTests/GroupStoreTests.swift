import Foundation
import Testing
import TestSupport
@testable import TeamCore
@testable import TeamStore

/// Groups through the store: lifecycle, names, and each rule that refuses.
@Suite(.timeLimit(.minutes(10))) struct GroupStoreTests {
    typealias F = StoreFixture
    typealias O = OverrideStoreTests

    static func name(_ text: String) -> DisplayName { try! Group.validName(text) }
    static let night = name("Night shift")

    @Test func aGroupGrantsItsMembersAndEveryStepIsAudited() throws {
        let fixture = try StoreFixture()
        let owner = try fixture.open(as: .workspaceAdmin)
        let start = try fixture.auditCount()
        let agent = F.email(.agent)
        _ = try owner.perform(.createGroup(name: Self.night))
        _ = try owner.perform(.grantToGroup(group: Self.name("night SHIFT"), permission: .viewPrivateInbox))
        _ = try owner.perform(.addToGroup(group: Self.night, member: agent))
        #expect(try owner.explain(agent, .viewPrivateInbox).sources == [.group("Night shift")])
        #expect(try fixture.open(as: .agent).inboxList().map(\.phone).contains(F.privatePhone), "the grant lets the agent see private inboxes")

        let detail = try owner.group(Self.name("night shift"))
        #expect(detail.summary.name == "Night shift")
        #expect(detail.summary.grants == [.viewPrivateInbox])
        #expect(detail.members.map(\.email) == [agent])
        #expect(try owner.groups().map(\.memberCount) == [1])
        #expect(try owner.member(agent).groups == ["Night shift"])

        let events = try owner.auditEvents(limit: 3)
        #expect(events.map(\.action) == ["group.create", "group.grant", "group.add-member"])
        #expect(events[1].before == #"{"grants":[]}"#)
        #expect(events[1].after == #"{"grants":["view-private-inbox"]}"#)
        #expect(events[2].target == "agent@acme.test")
        #expect(events[2].before == #"{"groups":[]}"#)
        #expect(events[2].after == #"{"groups":["Night shift"],"group":"Night shift"}"#, "the group is named, so the change can be undone")

        _ = try owner.perform(.renameGroup(group: Self.night, to: Self.name("Nights")))
        _ = try owner.perform(.revokeFromGroup(group: Self.name("Nights"), permission: .viewPrivateInbox))
        #expect(try !owner.explain(agent, .viewPrivateInbox).held)
        _ = try owner.perform(.grantToGroup(group: Self.name("Nights"), permission: .addInbox))
        _ = try owner.perform(.removeFromGroup(group: Self.name("Nights"), member: agent))
        #expect(try !owner.explain(agent, .addInbox).held)
        _ = try owner.perform(.addToGroup(group: Self.name("Nights"), member: agent))
        let deleted = try owner.perform(.deleteGroup(group: Self.name("Nights")))
        #expect(deleted.message == "deleted group 'Nights'; its 1 member loses its grants")
        #expect(try !owner.explain(agent, .addInbox).held)
        #expect(try owner.groups().isEmpty)
        let last = try #require(try owner.auditEvents(limit: 1).first)
        #expect(last.before == #"{"name":"Nights","grants":["add-inbox"],"members":["agent@acme.test"]}"#)
        #expect(try fixture.auditCount() == start + 9)
    }

    @Test func namesAreUniqueIgnoringCaseAndValidatedLikeDisplayNames() throws {
        let fixture = try StoreFixture()
        let owner = try fixture.open(as: .workspaceAdmin)
        _ = try owner.perform(.createGroup(name: Self.name("Billing")))
        _ = try owner.perform(.createGroup(name: Self.name("Support")))
        let before = fixture.fileBytes()
        #expect { try owner.perform(.createGroup(name: Self.name("BILLING"))) } throws: {
            guard case .conflict(let message) = $0 as? TeamError else { return false }
            return message == "a group named 'Billing' already exists (names are compared as they look, ignoring case)"
        }
        #expect { try owner.perform(.renameGroup(group: Self.name("support"), to: Self.name("billing"))) } throws: {
            if case .conflict = $0 as? TeamError { return true }
            return false
        }
        #expect { try owner.perform(.addToGroup(group: Self.name("Nope"), member: F.email(.agent))) } throws: {
            $0 as? TeamError == .notFound("no group 'Nope' in this workspace")
        }
        #expect(fixture.fileBytes() == before)
        // A change of case only is a rename of the group to itself.
        #expect(try owner.perform(.renameGroup(group: Self.name("billing"), to: Self.name("BILLING"))).changed)

        #expect(throws: ValidationError.self) { try Group.validName("Night\u{1B}[31m") }
        #expect(throws: ValidationError.self) { try Group.validName("evil\u{202E}txt") }
        #expect(throws: ValidationError.self) { try Group.validName(String(repeating: "x", count: 101)) }
        #expect(throws: ValidationError.self) { try Group.validName("   ") }
    }

    @Test func changingGroupsNeedsModifyTeamAndGrantingNeedsHoldingIt() throws {
        let fixture = try StoreFixture()
        O.expectRefused(.createGroup(name: Self.night), by: try fixture.open(as: .agent), fixture, .permissionMissing)
        let manager = try fixture.open(as: .manager)
        _ = try manager.perform(.createGroup(name: Self.night))
        // manager lacks modify-billing; holds delete-messages (which admins lack).
        O.expectRefused(.grantToGroup(group: Self.night, permission: .modifyBilling), by: manager, fixture, .escalation)
        #expect(try manager.perform(.grantToGroup(group: Self.night, permission: .deleteMessages)).changed)
        #expect(try manager.perform(.addToGroup(group: Self.night, member: F.email(.agent))).changed)
    }

    @Test func addingAMemberNeedsRankAndHoldingEveryGrant() throws {
        let fixture = try StoreFixture()
        let manager = try fixture.open(as: .manager)
        _ = try manager.perform(.createGroup(name: Self.night))
        _ = try manager.perform(.grantToGroup(group: Self.night, permission: .deleteMessages))
        O.expectRefused(.addToGroup(group: Self.night, member: F.email(.admin)), by: manager, fixture, .rank)
        // The admin outranks the agent but lacks delete-messages, which the group would give.
        O.expectRefused(.addToGroup(group: Self.night, member: F.email(.agent)), by: try fixture.open(as: .admin), fixture, .escalation)
        // Nor may a workspace-admin join it: the actor is no exception.
        let owner = try fixture.open(as: .workspaceAdmin)
        O.expectRefused(.addToGroup(group: Self.night, member: F.email(.workspaceAdmin)), by: owner, fixture, .escalation)
        _ = try manager.perform(.addToGroup(group: Self.night, member: F.email(.agent)))
        O.expectRefused(.removeFromGroup(group: Self.night, member: F.email(.agent)), by: try fixture.open(as: .agent), fixture, .permissionMissing)
        #expect(try manager.perform(.removeFromGroup(group: Self.night, member: F.email(.agent))).changed)
    }

    @Test func aStaleGroupEditIsRefused() throws {
        let fixture = try StoreFixture()
        let owner = try fixture.open(as: .workspaceAdmin)
        _ = try owner.perform(.createGroup(name: Self.night))
        let seen = try owner.group(Self.night).summary.version
        _ = try owner.perform(.grantToGroup(group: Self.night, permission: .addInbox))
        #expect { try owner.perform(.deleteGroup(group: Self.night, expectedVersion: seen)) } throws: {
            if case .stale = $0 as? TeamError { return true }
            return false
        }
        #expect(try owner.groups().count == 1)
    }
}
