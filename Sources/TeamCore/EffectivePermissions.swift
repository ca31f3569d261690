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

/// The verdict on one permission of one member, with every source that bears on it:
/// the answer of `can`, `explain` and `who-holds` alike.
public struct PermissionExplanation: Sendable, Equatable {
    public var permission: Permission
    public var held: Bool
    /// Every source that bears on the permission, in the order they apply.
    public var sources: [PermissionSource]

    public init(permission: Permission, held: Bool, sources: [PermissionSource]) {
        self.permission = permission; self.held = held; self.sources = sources
    }
}

/// A member who holds a permission, and why (`who-holds`).
public struct PermissionHolder: Sendable, Equatable {
    public var member: Member
    public var explanation: PermissionExplanation

    public init(member: Member, explanation: PermissionExplanation) {
        self.member = member; self.explanation = explanation
    }
}

public enum EffectivePermissions {
    /// The one function that decides a permission: role ∪ groups ∪ grants −
    /// revokes, nothing when deactivated. The verdict is read off the sources
    /// it lists, so an explanation can never disagree with the verdict, and
    /// ``compute(_:matrix:)`` (hence the guard's facts) is built on it.
    ///
    /// `shipped` is the matrix a role change is measured against, so a
    /// workspace's own edits of role defaults show as such.
    public static func explain(_ permission: Permission, _ sources: PermissionSources,
                               matrix: RoleMatrix, shipped: RoleMatrix = .shipped) -> PermissionExplanation {
        var found: [PermissionSource] = []
        switch (matrix.holds(sources.role, permission), shipped.holds(sources.role, permission)) {
        case (true, true): found.append(.role(sources.role))
        case (true, false): found.append(.roleAdded(sources.role))
        case (false, true): found.append(.roleRemoved(sources.role))
        case (false, false): break
        }
        for group in sources.groups.sorted(by: { $0.name < $1.name }) where group.grants.contains(permission) {
            found.append(.group(group.name))
        }
        let overrides = sources.overrides.filter { $0.permission == permission }
        if overrides.contains(where: { $0.effect == .grant }) { found.append(.grant) }
        if overrides.contains(where: { $0.effect == .revoke }) { found.append(.revoke) }
        if sources.status != .active { found.append(.deactivated) }
        let held = found.contains(where: \.gives) && !found.contains(where: \.takes)
        return PermissionExplanation(permission: permission, held: held, sources: found)
    }

    /// Every permission the member holds: ``explain(_:_:matrix:shipped:)`` asked for each key.
    public static func compute(_ sources: PermissionSources, matrix: RoleMatrix) -> Set<Permission> {
        Set(Permission.allCases.filter { explain($0, sources, matrix: matrix).held })
    }
}
