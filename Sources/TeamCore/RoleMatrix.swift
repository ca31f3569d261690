import ClerkResources
import Foundation

/// Which permissions each role holds by default.
///
/// The shipped table lives in `Resources/role-matrix.json` (SPEC §2) and is
/// parsed at run time from the copy embedded in the binary.
public struct RoleMatrix: Sendable, Equatable {
    public private(set) var permissions: [Role: Set<Permission>]

    public init(permissions: [Role: Set<Permission>]) {
        var complete: [Role: Set<Permission>] = [:]
        for role in Role.allCases { complete[role] = permissions[role] ?? [] }
        self.permissions = complete
    }

    public func permissions(of role: Role) -> Set<Permission> { permissions[role] ?? [] }

    public func holds(_ role: Role, _ permission: Permission) -> Bool {
        permissions(of: role).contains(permission)
    }

    /// The same matrix with `role` holding exactly `permissions`.
    public func setting(_ role: Role, to permissions: Set<Permission>) -> RoleMatrix {
        var table = self.permissions
        table[role] = permissions
        return RoleMatrix(permissions: table)
    }

    /// How this matrix differs from `base` (the shipped one by default) for
    /// `role`: `added` and `removed` say what this workspace changed.
    public func difference(_ role: Role, from base: RoleMatrix = .shipped) -> RoleDefaultsEdit {
        RoleDefaultsEdit(role: role, before: base.permissions(of: role), after: permissions(of: role))
    }

    /// The matrix shipped with clerk-team.
    public static let shipped: RoleMatrix = {
        do {
            return try RoleMatrix(json: Data(ClerkResources.roleMatrixJSON))
        } catch {
            // The file is compiled in and covered by tests; a broken build is a bug.
            fatalError("embedded role-matrix.json is invalid: \(error)")
        }
    }()

    private struct File: Decodable {
        struct Entry: Decodable { let role: String; let permissions: [String] }
        let roles: [Entry]
    }

    /// Parses a matrix file, refusing unknown or missing roles and unknown keys.
    public init(json: Data) throws {
        let file = try JSONDecoder().decode(File.self, from: json)
        var table: [Role: Set<Permission>] = [:]
        for entry in file.roles {
            let role = try Role.parse(entry.role)
            guard table[role] == nil else {
                throw ValidationError(field: "role-matrix", message: "role '\(entry.role)' listed twice")
            }
            table[role] = Set(try entry.permissions.map { text throws(ValidationError) in try Permission.parse(text) })
        }
        let missing = Role.allCases.filter { table[$0] == nil }
        guard missing.isEmpty else {
            throw ValidationError(field: "role-matrix",
                message: "missing roles: \(missing.map(\.rawValue).joined(separator: ", "))")
        }
        self.init(permissions: table)
    }
}
