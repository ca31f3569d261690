import Foundation
import Testing
import TestSupport
@testable import TeamCore
@testable import TeamStore

@Suite(.timeLimit(.minutes(10))) struct ListQueryTests {
    typealias F = StoreFixture

    @Test func theIndexListsEveryMemberInEachSortOrder() throws {
        let fixture = try StoreFixture()
        let workspace = try fixture.open(as: .agent)
        let byName = try workspace.memberIndex(sort: .name)
        #expect(byName.count == 5)
        let rows = try workspace.memberRows(byName.ids)
        #expect(rows.map(\.member.name) == rows.map(\.member.name).sorted { SearchKey.fold($0) < SearchKey.fold($1) })
        let byRole = try workspace.memberRows(try workspace.memberIndex(sort: .role).ids)
        #expect(byRole.map(\.member.role) == Role.byRank)
        let byEmail = try workspace.memberRows(try workspace.memberIndex(sort: .email).ids)
        #expect(byEmail.map(\.member.email.value) == byEmail.map(\.member.email.value).sorted())
    }

    @Test func rowsComeBackInTheAskedOrderWithVisibleInboxesOnly() throws {
        let fixture = try StoreFixture()
        let admin = try fixture.open(as: .workspaceAdmin)
        _ = try admin.perform(.assign(member: F.email(.manager), inbox: F.publicPhone))
        _ = try admin.perform(.assign(member: F.email(.manager), inbox: F.privatePhone))
        let agent = try fixture.open(as: .agent)
        let ids = try agent.memberIndex(sort: .name).ids
        let reversed = try agent.memberRows(ids.reversed() + [999_999])
        #expect(reversed.map(\.member.id) == ids.reversed())
        let manager = try #require(reversed.first { $0.member.role == .manager })
        #expect(manager.inboxes == [F.publicPhone], "the agent cannot see the private inbox")
        let managerForAdmin = try #require(try admin.memberRows([manager.member.id]).first)
        #expect(managerForAdmin.inboxes == [F.publicPhone, F.privatePhone])
    }
}
