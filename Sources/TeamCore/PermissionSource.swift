/// One thing that bears on whether a member holds a permission.
public enum PermissionSource: Sendable, Equatable, CustomStringConvertible {
    /// The role's default includes it, as shipped.
    case role(Role)
    /// This workspace added it to the role's defaults (the shipped matrix lacks it).
    case roleAdded(Role)
    /// This workspace removed it from the role's defaults (the shipped matrix has it).
    /// Gives nothing; listed so that "why not?" has an answer.
    case roleRemoved(Role)
    case group(String)
    /// A per-member override grants it.
    case grant
    /// A per-member override revokes it: beats the role, groups and grants.
    case revoke
    /// A deactivated member holds nothing, whatever else says.
    case deactivated

    /// True if this source gives the permission (unless something takes it away).
    public var gives: Bool {
        switch self {
        case .role, .roleAdded, .group, .grant: true
        case .roleRemoved, .revoke, .deactivated: false
        }
    }

    /// True if this source takes the permission away, whatever gives it.
    public var takes: Bool {
        switch self {
        case .revoke, .deactivated: true
        case .role, .roleAdded, .roleRemoved, .group, .grant: false
        }
    }

    /// A stable key for scripts (`explain --json`, `who-holds --json`).
    public var kind: String {
        switch self {
        case .role: "role"
        case .roleAdded: "role-added"
        case .roleRemoved: "role-removed"
        case .group: "group"
        case .grant: "grant"
        case .revoke: "revoke"
        case .deactivated: "deactivated"
        }
    }

    public var description: String {
        switch self {
        case .role(let role): "role \(role.rawValue) includes it"
        case .roleAdded(let role): "role \(role.rawValue) includes it in this workspace (added to the shipped default)"
        case .roleRemoved(let role): "role \(role.rawValue) lacks it in this workspace (removed from the shipped default)"
        case .group(let name): "group '\(name)' grants it"
        case .grant: "a per-member override grants it"
        case .revoke: "a per-member override revokes it"
        case .deactivated: "the member is deactivated, so holds no permissions"
        }
    }
}

extension PermissionSource {
    /// A role default that gives the permission (as shipped or added here).
    public var isRoleDefault: Bool {
        switch self {
        case .role, .roleAdded: true
        default: false
        }
    }
}
