import Foundation
import Testing
@testable import TeamCore

/// The permission table exactly as SPEC §2 (and the seed) prints it.
private let specTable = """
| add-inbox | ✓ | ✓ | ✓ | | |
| remove-inbox | ✓ | ✓ | ✓ | | |
| modify-private-inbox | ✓ | ✓ | ✓ | | |
| modify-public-inbox | ✓ | ✓ | ✓ | ✓ | ✓ |
| view-private-inbox | ✓ | ✓ | ✓ | | |
| view-public-inbox | ✓ | ✓ | ✓ | ✓ | ✓ |
| modify-billing | ✓ | ✓ | | | |
| modify-team | ✓ | ✓ | ✓ | | |
| modify-team-member | ✓ | ✓ | | | |
| add-team-members | ✓ | ✓ | | | |
| remove-team-members | ✓ | ✓ | | ✓ | |
| update-contact | ✓ | ✓ | ✓ | ✓ | ✓ |
| update-property | ✓ | ✓ | ✓ | ✓ | ✓ |
| view-messages | ✓ | | ✓ | ✓ | ✓ |
| delete-messages | | | ✓ | | |
"""

private let specColumns: [Role] = [.workspaceAdmin, .admin, .manager, .agent, .member]

/// (permission key, role, held) for every cell of the spec's table.
private func specCells() -> [(String, Role, Bool)] {
    specTable.split(separator: "\n").flatMap { line -> [(String, Role, Bool)] in
        let cells = line.split(separator: "|", omittingEmptySubsequences: false)
            .dropFirst().dropLast().map { $0.trimmingCharacters(in: .whitespaces) }
        return specColumns.enumerated().map { index, role in (cells[0], role, cells[index + 1] == "✓") }
    }
}

@Suite(.timeLimit(.minutes(10))) struct RoleMatrixTests {
    @Test func specTableHasFifteenPermissionsAndFiveRoles() {
        let cells = specCells()
        #expect(cells.count == 15 * 5)
        #expect(Set(cells.map(\.0)) == Set(Permission.allCases.map(\.rawValue)))
    }

    @Test(arguments: specCells().map { "\($0.0)|\($0.1.rawValue)|\($0.2)" })
    func shippedMatrixMatchesSpecCell(_ cell: String) throws {
        let parts = cell.split(separator: "|").map(String.init)
        let permission = try #require(Permission(rawValue: parts[0]))
        let role = try #require(Role(rawValue: parts[1]))
        #expect(RoleMatrix.shipped.holds(role, permission) == (parts[2] == "true"),
                "\(role.rawValue) × \(permission.rawValue)")
    }

    @Test func shippedMatrixHoldsNothingBeyondTheTable() {
        let expected = specCells().filter(\.2).count
        let actual = Role.allCases.map { RoleMatrix.shipped.permissions(of: $0).count }.reduce(0, +)
        #expect(actual == expected)
    }

    @Test func seedOdditiesAreKept() {
        #expect(!RoleMatrix.shipped.holds(.admin, .viewMessages))
        #expect(!RoleMatrix.shipped.holds(.workspaceAdmin, .deleteMessages))
        #expect(RoleMatrix.shipped.holds(.agent, .removeTeamMembers))
    }

    @Test func matrixFileRejectsUnknownKeysAndMissingRoles() {
        let unknownKey = #"{"roles":[{"role":"admin","permissions":["fly"]}]}"#
        #expect(throws: ValidationError.self) { try RoleMatrix(json: Data(unknownKey.utf8)) }
        let missingRoles = #"{"roles":[{"role":"admin","permissions":[]}]}"#
        #expect(throws: ValidationError.self) { try RoleMatrix(json: Data(missingRoles.utf8)) }
    }

    @Test func rolesAreRankedWorkspaceAdminFirst() {
        #expect(Role.byRank == [.workspaceAdmin, .admin, .manager, .agent, .member])
        #expect(Role.byRank.map(\.rank) == [5, 4, 3, 2, 1])
    }
}
