import Foundation
import Testing
import TestSupport
@testable import TeamCore
@testable import TeamStore

@Suite(.timeLimit(.minutes(10))) struct LintStoreTests {
    typealias F = StoreFixture

    @Test func lintSeesTheMatrixTheGroupsAndWhoHoldsWhat() throws {
        let fixture = try StoreFixture()
        let owner = try fixture.open(as: .workspaceAdmin)
        let shipped = try owner.lint()
        #expect(shipped.map(\.rule) == [.lowerRoleHoldsMore, .lowerRoleHoldsMore, .lowerRoleHoldsMore, .lowerRoleHoldsMore,
                                        .removesWithoutAdding, .lowestRoleAdministers])

        // The only manager (the only role with delete-messages) loses it by an override.
        _ = try owner.perform(.revokePermission(member: F.email(.manager), permission: .deleteMessages))
        #expect(try owner.lint().filter { $0.rule == .nobodyHolds }.map(\.permission) == [.deleteMessages])

        let group = try Group.validName("Readers")
        _ = try owner.perform(.createGroup(name: group))
        _ = try owner.perform(.grantToGroup(group: group, permission: .viewMessages))
        _ = try owner.perform(.addToGroup(group: group, member: F.email(.agent)))
        let redundant = try owner.lint().filter { $0.rule == .redundantGroupGrant }
        #expect(redundant.map(\.group) == ["Readers"])
        #expect(redundant.map(\.permission) == [.viewMessages])

        // A workspace change of the matrix shows at once.
        _ = try owner.perform(.setRoleDefaults(role: .admin, adding: [.viewMessages], removing: []))
        #expect(try !owner.lint().contains { $0.role == .admin && $0.permission == .viewMessages })
    }
}
