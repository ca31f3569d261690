/// One oddity of a workspace's permission set-up, for `roles lint` (and the
/// interface's roles screen).
public struct LintFinding: Sendable, Equatable {
    public enum Rule: String, Sendable, CaseIterable {
        /// A lower role holds a permission a higher one lacks: ranks and
        /// permissions disagree, so "give a role up to your own" hands out
        /// what the giver does not hold (SPEC §3).
        case lowerRoleHoldsMore = "lower-role-holds-more"
        /// A role may remove (team members, inboxes) but not add them.
        case removesWithoutAdding = "removes-without-adding"
        /// The lowest role holds a permission that changes the workspace's set-up.
        case lowestRoleAdministers = "lowest-role-administers"
        /// No active member holds the permission: nobody can do it, nor give it.
        case nobodyHolds = "nobody-holds"
        /// A group grants what every member's role already holds.
        case redundantGroupGrant = "redundant-group-grant"
    }

    public var rule: Rule
    public var role: Role?
    public var permission: Permission?
    public var group: String?
    /// One sentence, without the rule's name.
    public var message: String

    public init(rule: Rule, role: Role? = nil, permission: Permission? = nil, group: String? = nil, message: String) {
        self.rule = rule; self.role = role; self.permission = permission; self.group = group; self.message = message
    }
}

/// What the lint rules look at.
public struct LintFacts: Sendable, Equatable {
    public struct GroupFacts: Sendable, Equatable {
        public var name: String
        public var grants: Set<Permission>
        /// The roles of the group's members (deactivated ones too: they may come back).
        public var memberRoles: Set<Role>

        public init(name: String, grants: Set<Permission>, memberRoles: Set<Role>) {
            self.name = name; self.grants = grants; self.memberRoles = memberRoles
        }
    }

    public var matrix: RoleMatrix
    public var groups: [GroupFacts]
    /// Permissions at least one active member holds.
    public var held: Set<Permission>

    public init(matrix: RoleMatrix, groups: [GroupFacts], held: Set<Permission>) {
        self.matrix = matrix; self.groups = groups; self.held = held
    }
}

/// The lint rules: a pure function of the facts, findings in a stable
/// order (rule, then rank, permission and group name).
public enum RoleLint {
    /// Permissions that change who is in the team, its inboxes, billing or
    /// messages: odd in the hands of the lowest role.
    public static let administrative: Set<Permission> = [
        .addInbox, .removeInbox, .modifyPrivateInbox, .modifyPublicInbox, .modifyBilling, .modifyTeam,
        .modifyTeamMember, .addTeamMembers, .removeTeamMembers, .deleteMessages,
    ]

    /// (add, remove) halves: holding only the second is odd.
    static let pairs: [(add: Permission, remove: Permission, noun: String)] = [
        (.addTeamMembers, .removeTeamMembers, "team members"), (.addInbox, .removeInbox, "inboxes"),
    ]

    public static func findings(_ facts: LintFacts) -> [LintFinding] {
        lowerRolesHoldingMore(facts.matrix) + removesWithoutAdding(facts.matrix) + lowestRoleAdministers(facts.matrix)
            + nobodyHolds(facts.held) + redundantGroupGrants(facts)
    }

    static func lowerRolesHoldingMore(_ matrix: RoleMatrix) -> [LintFinding] {
        Role.byRank.flatMap { higher in
            Permission.allCases.compactMap { permission -> LintFinding? in
                guard !matrix.holds(higher, permission) else { return nil }
                let lower = Role.byRank.filter { $0.rank < higher.rank && matrix.holds($0, permission) }
                guard !lower.isEmpty else { return nil }
                return LintFinding(rule: .lowerRoleHoldsMore, role: higher, permission: permission,
                    message: "\(higher.rawValue) lacks \(permission.rawValue), which lower roles hold: "
                        + lower.map(\.rawValue).joined(separator: ", "))
            }
        }
    }

    static func removesWithoutAdding(_ matrix: RoleMatrix) -> [LintFinding] {
        Role.byRank.flatMap { role in
            pairs.compactMap { pair -> LintFinding? in
                guard matrix.holds(role, pair.remove), !matrix.holds(role, pair.add) else { return nil }
                return LintFinding(rule: .removesWithoutAdding, role: role, permission: pair.remove,
                    message: "\(role.rawValue) may remove \(pair.noun) (\(pair.remove.rawValue)) but not add them (\(pair.add.rawValue))")
            }
        }
    }

    static func lowestRoleAdministers(_ matrix: RoleMatrix) -> [LintFinding] {
        guard let lowest = Role.byRank.last else { return [] }
        return matrix.permissions(of: lowest).intersection(administrative).sorted().map { permission in
            LintFinding(rule: .lowestRoleAdministers, role: lowest, permission: permission,
                message: "\(lowest.rawValue), the lowest role, holds \(permission.rawValue)")
        }
    }

    static func nobodyHolds(_ held: Set<Permission>) -> [LintFinding] {
        Permission.allCases.filter { !held.contains($0) }.map { permission in
            LintFinding(rule: .nobodyHolds, permission: permission,
                message: "no active member holds \(permission.rawValue): nobody can use it or give it")
        }
    }

    static func redundantGroupGrants(_ facts: LintFacts) -> [LintFinding] {
        facts.groups.sorted { $0.name < $1.name }.flatMap { group -> [LintFinding] in
            guard !group.memberRoles.isEmpty else { return [] }
            let roles = Role.byRank.filter { group.memberRoles.contains($0) }
            return group.grants.sorted().filter { permission in
                roles.allSatisfy { facts.matrix.holds($0, permission) }
            }.map { permission in
                LintFinding(rule: .redundantGroupGrant, permission: permission, group: group.name,
                    message: "group '\(group.name)' grants \(permission.rawValue), which every member's role already holds ("
                        + roles.map(\.rawValue).joined(separator: ", ") + ")")
            }
        }
    }
}
