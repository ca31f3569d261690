/// A member's role. Roles are ranked; `rank` is larger for more powerful roles.
public enum Role: String, CaseIterable, Sendable, Codable, Comparable {
    case workspaceAdmin = "workspace-admin"
    case admin
    case manager
    case agent
    case member

    /// 5 for workspace-admin down to 1 for member.
    public var rank: Int {
        switch self {
        case .workspaceAdmin: 5
        case .admin: 4
        case .manager: 3
        case .agent: 2
        case .member: 1
        }
    }

    /// All roles, highest rank first.
    public static let byRank: [Role] = allCases.sorted { $0.rank > $1.rank }

    public static func < (lhs: Role, rhs: Role) -> Bool { lhs.rank < rhs.rank }

    /// Parses a role name as typed by a person: case and `_`/space insensitive.
    public static func parse(_ text: String) throws(ValidationError) -> Role {
        let key = text.trimmingCharacters(in: .whitespaces).lowercased()
            .replacingOccurrences(of: "_", with: "-")
            .replacingOccurrences(of: " ", with: "-")
        if let role = Role(rawValue: key) { return role }
        throw ValidationError(field: "role",
            message: "unknown role '\(text)'; expected one of: \(allCases.map(\.rawValue).joined(separator: ", "))")
    }
}
