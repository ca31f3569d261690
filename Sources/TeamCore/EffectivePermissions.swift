/// Everything that decides a member's permissions (SPEC §3).
public struct PermissionSources: Sendable, Equatable {
    public var role: Role
    public var status: MemberStatus
    /// The groups the member belongs to, with their grants.
    public var groups: [Group]
    public var overrides: [Override]

    public init(role: Role, status: MemberStatus, groups: [Group] = [], overrides: [Override] = []) {
        self.role = role; self.status = status; self.groups = groups; self.overrides = overrides
    }
}

/// Where one permission of one member comes from.
public enum PermissionSource: Sendable, Equatable, CustomStringConvertible {
    case role(Role)
    case group(String)
    case grant
    case revoke
    case deactivated

    public var description: String {
        switch self {
        case .role(let role): "role \(role.rawValue) includes it"
        case .group(let name): "group '\(name)' grants it"
        case .grant: "a per-member override grants it"
        case .revoke: "a per-member override revokes it"
        case .deactivated: "the member is deactivated, so holds no permissions"
        }
    }
}

/// The answer to `explain MEMBER PERMISSION`.
public struct PermissionExplanation: Sendable, Equatable {
    public var permission: Permission
    public var held: Bool
    /// Every source that bears on the permission, in the order they apply.
    public var sources: [PermissionSource]
}

public enum EffectivePermissions {
    /// role ∪ groups ∪ grants − revokes; nothing for a deactivated member.
    public static func compute(_ sources: PermissionSources, matrix: RoleMatrix) -> Set<Permission> {
        guard sources.status == .active else { return [] }
        var result = matrix.permissions(of: sources.role)
        for group in sources.groups { result.formUnion(group.grants) }
        for override in sources.overrides where override.effect == .grant { result.insert(override.permission) }
        for override in sources.overrides where override.effect == .revoke { result.remove(override.permission) }
        return result
    }

    public static func explain(_ permission: Permission, _ sources: PermissionSources,
                               matrix: RoleMatrix) -> PermissionExplanation {
        var found: [PermissionSource] = []
        if matrix.holds(sources.role, permission) { found.append(.role(sources.role)) }
        for group in sources.groups.sorted(by: { $0.name < $1.name }) where group.grants.contains(permission) {
            found.append(.group(group.name))
        }
        let overrides = sources.overrides.filter { $0.permission == permission }
        if overrides.contains(where: { $0.effect == .grant }) { found.append(.grant) }
        if overrides.contains(where: { $0.effect == .revoke }) { found.append(.revoke) }
        if sources.status != .active { found.append(.deactivated) }
        let held = compute(sources, matrix: matrix).contains(permission)
        return PermissionExplanation(permission: permission, held: held, sources: found)
    }
}
