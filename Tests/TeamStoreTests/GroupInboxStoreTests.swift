import Foundation
import Testing
import TestSupport
@testable import TeamCore
@testable import TeamStore

/// Groups on inboxes: a member works in an inbox directly or through a group
/// on it, computed, so joining or leaving the group is the only write.
@Suite(.timeLimit(.minutes(10))) struct GroupInboxStoreTests {
    typealias F = StoreFixture
    typealias O = OverrideStoreTests
    static let night = GroupStoreTests.night

    /// A fixture with the group "Night shift" (no grants, no members) on `phone`.
    static func nightShift(on phone: PhoneNumber) throws -> (StoreFixture, SQLiteWorkspace) {
        let fixture = try StoreFixture()
        let owner = try fixture.open(as: .workspaceAdmin)
        _ = try owner.perform(.createGroup(name: night))
        _ = try owner.perform(.assignGroup(group: night, inbox: phone))
        return (fixture, owner)
    }

    @Test func joiningAGroupOnAnInboxGivesItAndLeavingTakesItInTheSameTransaction() throws {
        let (fixture, owner) = try Self.nightShift(on: F.publicPhone)
        let agent = F.email(.agent)
        #expect(try !owner.member(agent).inboxes.map(\.phone).contains(F.publicPhone))
        let events = try fixture.auditCount()

        let added = try owner.perform(.addToGroup(group: Self.night, member: agent))
        #expect(added.message == "added agent@acme.test to group 'Night shift'; now works in +14155550100")
        let detail = try owner.member(agent)
        #expect(detail.inboxes.map(\.phone) == [F.publicPhone])
        #expect(detail.access[F.publicPhone] == InboxAccess(direct: false, groups: ["Night shift"]))
        #expect(try owner.inboxes().first { $0.inbox.phone == F.publicPhone }?.members == [agent])
        #expect(try owner.inboxes().first { $0.inbox.phone == F.publicPhone }?.direct == [])
        #expect(try fixture.auditCount() == events + 1, "one change, one event: no separate assignment step")
        #expect(try owner.auditEvents(limit: 1)[0].after == #"{"groups":["Night shift"],"group":"Night shift","inboxes-gained":["+14155550100"]}"#)

        _ = try owner.perform(.removeFromGroup(group: Self.night, member: agent))
        #expect(try owner.member(agent).inboxes.isEmpty)
        #expect(try owner.memberRows([try owner.member(agent).member.id])[0].inboxes.isEmpty)
    }

    @Test func leavingAGroupNeverTakesADirectAssignment() throws {
        let (fixture, owner) = try Self.nightShift(on: F.publicPhone)
        defer { withExtendedLifetime(fixture) {} }
        let agent = F.email(.agent)
        _ = try owner.perform(.assign(member: agent, inbox: F.publicPhone))
        _ = try owner.perform(.addToGroup(group: Self.night, member: agent))
        let row = try owner.memberRows([try owner.member(agent).member.id])[0]
        #expect(row.access(to: F.publicPhone) == InboxAccess(direct: true, groups: ["Night shift"]))

        let removed = try owner.perform(.removeFromGroup(group: Self.night, member: agent))
        #expect(removed.message == "removed agent@acme.test from group 'Night shift'", "no inbox is lost")
        let after = try owner.member(agent)
        #expect(after.inboxes.map(\.phone) == [F.publicPhone])
        #expect(after.access[F.publicPhone] == InboxAccess(direct: true, groups: []))
        // And taking the group off the inbox keeps a direct member in it too.
        _ = try owner.perform(.addToGroup(group: Self.night, member: agent))
        let off = try owner.perform(.unassignGroup(group: Self.night, inbox: F.publicPhone))
        #expect(off.message == "group 'Night shift' no longer works in +14155550100 (Support): 0 members left it")
        #expect(try owner.member(agent).inboxes.map(\.phone) == [F.publicPhone])
    }

    @Test func aPrivateInboxIsVisibleToWhoeverWorksInItThroughAGroup() throws {
        let (fixture, owner) = try Self.nightShift(on: F.privatePhone)
        let member = F.email(.member)
        #expect(try !fixture.open(as: .member).inboxList().map(\.phone).contains(F.privatePhone))
        _ = try owner.perform(.addToGroup(group: Self.night, member: member))
        let seen = try fixture.open(as: .member)
        #expect(try seen.inboxList().map(\.phone).contains(F.privatePhone))
        #expect(try seen.member(member).inboxes.map(\.phone) == [F.privatePhone])
        #expect(try seen.operatorContext().assignedInboxes.count == 1)
        _ = try owner.perform(.removeFromGroup(group: Self.night, member: member))
        #expect(try !fixture.open(as: .member).inboxList().map(\.phone).contains(F.privatePhone))
    }

    @Test func puttingAGroupOnAnInboxNeedsRankOverEveryMemberItAdds() throws {
        let fixture = try StoreFixture()
        let owner = try fixture.open(as: .workspaceAdmin)
        _ = try owner.perform(.createGroup(name: Self.night))
        _ = try owner.perform(.addToGroup(group: Self.night, member: F.email(.admin)))
        let manager = try fixture.open(as: .manager)
        O.expectRefused(.assignGroup(group: Self.night, inbox: F.privatePhone), by: manager, fixture, .rank)
        // An admin already in the inbox directly is not added by the group: no rank needed over them.
        _ = try owner.perform(.assign(member: F.email(.admin), inbox: F.privatePhone))
        #expect(try manager.perform(.assignGroup(group: Self.night, inbox: F.privatePhone)).changed)
    }

    @Test func puttingAGroupOnAPrivateInboxNeedsModifyPrivateInbox() throws {
        let fixture = try StoreFixture()
        let owner = try fixture.open(as: .workspaceAdmin)
        _ = try owner.perform(.createGroup(name: Self.night))
        _ = try owner.perform(.addToGroup(group: Self.night, member: F.email(.agent)))
        _ = try owner.perform(.revokePermission(member: F.email(.manager), permission: .modifyPrivateInbox))
        let manager = try fixture.open(as: .manager)
        O.expectRefused(.assignGroup(group: Self.night, inbox: F.privatePhone), by: manager, fixture, .permissionMissing)
        #expect(try manager.perform(.assignGroup(group: Self.night, inbox: F.publicPhone)).changed, "a public inbox needs only modify-public-inbox")
    }

    @Test func addingAMemberToAGroupOnAPrivateInboxNeedsModifyPrivateInbox() throws {
        let (fixture, owner) = try Self.nightShift(on: F.privatePhone)
        _ = try owner.perform(.revokePermission(member: F.email(.manager), permission: .modifyPrivateInbox))
        let manager = try fixture.open(as: .manager)
        O.expectRefused(.addToGroup(group: Self.night, member: F.email(.agent)), by: manager, fixture, .permissionMissing)
        // Already in the inbox directly: joining adds no inbox, so no inbox permission is asked.
        _ = try owner.perform(.assign(member: F.email(.agent), inbox: F.privatePhone))
        #expect(try manager.perform(.addToGroup(group: Self.night, member: F.email(.agent))).changed)
        // Leaving would take the inbox only from someone not in it otherwise.
        _ = try owner.perform(.addToGroup(group: Self.night, member: F.email(.member)))
        O.expectRefused(.removeFromGroup(group: Self.night, member: F.email(.member)), by: manager, fixture, .permissionMissing)
    }

    @Test func aGroupOnAHiddenInboxIsNotNamedToWhoeverCannotSeeIt() throws {
        let (fixture, owner) = try Self.nightShift(on: F.privatePhone)
        _ = try owner.perform(.revokePermission(member: F.email(.manager), permission: .viewPrivateInbox))
        let manager = try fixture.open(as: .manager)
        #expect(try manager.group(Self.night).summary.inboxes == [])
        #expect(try owner.group(Self.night).summary.inboxes == [F.privatePhone])
        #expect { try manager.perform(.addToGroup(group: Self.night, member: F.email(.agent))) } throws: { error in
            guard case .refused(let refusal) = error as? TeamError else { return false }
            return refusal.rule == .permissionMissing && !refusal.message.contains(F.privatePhone.value)
        }
    }

    @Test func groupsOnInboxesAreAuditedAndListedApart() throws {
        let (fixture, owner) = try Self.nightShift(on: F.publicPhone)
        defer { withExtendedLifetime(fixture) {} }
        _ = try owner.perform(.addToGroup(group: Self.night, member: F.email(.agent)))
        _ = try owner.perform(.assign(member: F.email(.member), inbox: F.publicPhone))
        let support = try #require(try owner.inboxes().first { $0.inbox.phone == F.publicPhone })
        #expect(support.members == [F.email(.agent), F.email(.member)])
        #expect(support.direct == [F.email(.member)])
        #expect(support.groups == ["Night shift"])
        #expect(try owner.groups().first?.inboxes == [F.publicPhone])
        let events = try owner.auditEvents(_: AuditQuery(action: "assign-group"))
        #expect(events.map(\.target) == [F.publicPhone.value])
        #expect(events[0].after == #"{"group":"Night shift","members-gained":[]}"#)
        #expect(try !owner.perform(.assignGroup(group: Self.night, inbox: F.publicPhone)).changed)
    }
}
