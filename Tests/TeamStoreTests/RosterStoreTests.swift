import Testing
@testable import TeamCore
@testable import TeamStore

/// `roster()`: the whole team in one snapshot, as far as the operator may see it.
@Suite(.timeLimit(.minutes(10))) struct RosterStoreTests {
    typealias F = StoreFixture

    /// The agent works in the private inbox, is in a group and has overrides;
    /// the member is deactivated; someone is invited; admins may read messages here.
    func fixture() throws -> StoreFixture {
        let fixture = try StoreFixture()
        let owner = try fixture.open(as: .workspaceAdmin)
        let night = try DisplayName("Night shift")
        _ = try owner.performBatch([
            .assign(member: F.email(.agent), inbox: F.privatePhone), .assign(member: F.email(.agent), inbox: F.publicPhone),
            .createGroup(name: night), .grantToGroup(group: night, permission: .viewPrivateInbox),
            .addToGroup(group: night, member: F.email(.agent)),
            .grantPermission(member: F.email(.agent), permission: .addInbox),
            .revokePermission(member: F.email(.agent), permission: .removeTeamMembers),
            .deactivate(member: F.email(.member)),
            .setRoleDefaults(role: .admin, adding: [.viewMessages], removing: []),
            .invite(email: try EmailAddress("ivy@acme.test"), role: .manager, inboxes: [F.privatePhone]),
        ], partial: false)
        return fixture
    }

    @Test func theWholeTeamAsTheOwnerSeesIt() throws {
        let roster = try fixture().open(as: .workspaceAdmin).roster()
        #expect(roster.roles == [Roster.RoleChange(role: .admin, added: [.viewMessages], removed: [])])
        #expect(roster.inboxes.map(\.phone) == [F.publicPhone, F.otherPublicPhone, F.privatePhone])
        #expect(roster.groups == [Roster.GroupEntry(name: "Night shift", grants: [.viewPrivateInbox])])
        #expect(roster.members.map(\.email.value) == ["admin@acme.test", "agent@acme.test", "ivy@acme.test",
                                                      "manager@acme.test", "member@acme.test", "workspace-admin@acme.test"])
        let agent = try #require(roster.members.first { $0.email == F.email(.agent) })
        #expect(agent == Roster.MemberEntry(email: F.email(.agent), name: "agent person", role: .agent, status: .active,
                                            inboxes: [F.publicPhone, F.privatePhone], groups: ["Night shift"],
                                            grants: [.addInbox], revokes: [.removeTeamMembers]))
        #expect(roster.members.first { $0.email == F.email(.member) }?.status == .deactivated)
        #expect(roster.members.first { $0.email.value == "ivy@acme.test" }
                == Roster.MemberEntry(email: try EmailAddress("ivy@acme.test"), name: nil, role: .manager, status: .invited,
                                      inboxes: [F.privatePhone]))
    }

    @Test func aHiddenInboxIsNeitherListedNorNamed() throws {
        let fixture = try fixture()
        _ = try fixture.open(as: .workspaceAdmin).perform(.reactivate(member: F.email(.member)))
        // The shipped member role cannot see a private inbox it is not in.
        let seen = try fixture.open(as: .member).roster()
        #expect(seen.inboxes.map(\.phone) == [F.publicPhone, F.otherPublicPhone])
        #expect(seen.members.first { $0.email == F.email(.agent) }?.inboxes == [F.publicPhone])
        #expect(seen.members.first { $0.email.value == "ivy@acme.test" }?.inboxes == [])
    }
}
