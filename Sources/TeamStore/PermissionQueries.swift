import TeamCore

/// Questions about permissions across the whole team: `roles lint` (and,
/// with the same bulk read, `who-holds`).
extension SQLiteWorkspace {
    public func whoHolds(_ permission: Permission) throws -> [PermissionHolder] {
        try reading {
            let op = try resolveOperator()
            try check(.readWorkspace, op)
            let matrix = try loadMatrix()
            return try everyMemberSources(activeOnly: true).compactMap { member, sources in
                let explanation = EffectivePermissions.explain(permission, sources, matrix: matrix)
                return explanation.held ? PermissionHolder(member: member, explanation: explanation) : nil
            }
        }
    }

    public func lint() throws -> [LintFinding] {
        try reading {
            let op = try resolveOperator()
            try check(.readWorkspace, op)
            return try lintFindings()
        }
    }

    /// ``RoleLint`` over the workspace as it is (call inside a transaction).
    func lintFindings() throws -> [LintFinding] {
        do {
            let matrix = try loadMatrix()
            var rolesByGroup: [Int64: Set<Role>] = [:]
            try db.query("SELECT gm.group_id, m.role FROM group_members gm JOIN members m ON m.id = gm.member_id") { row in
                if let role = Role(rawValue: row.text(1)) { rolesByGroup[row.int(0), default: []].insert(role) }
            }
            let groups = try allGroups().map {
                LintFacts.GroupFacts(name: $0.name, grants: $0.grants, memberRoles: rolesByGroup[$0.id] ?? [])
            }
            var held: Set<Permission> = []
            // Members with neither groups nor overrides hold exactly their role's defaults: one answer per role.
            var plainRoles: Set<Role> = []
            for (member, sources) in try everyMemberSources(activeOnly: true) {
                if sources.groups.isEmpty && sources.overrides.isEmpty {
                    plainRoles.insert(member.role)
                } else {
                    held.formUnion(EffectivePermissions.compute(sources, matrix: matrix))
                }
            }
            for role in plainRoles {
                held.formUnion(EffectivePermissions.compute(PermissionSources(role: role, status: .active), matrix: matrix))
            }
            return RoleLint.findings(LintFacts(matrix: matrix, groups: groups, held: held))
        }
    }

    /// Every member (by name) with what decides their permissions, read in
    /// four passes over the tables rather than two queries per member.
    func everyMemberSources(activeOnly: Bool) throws -> [(Member, PermissionSources)] {
        let groupsByID = Dictionary(uniqueKeysWithValues: try allGroups().map {
            ($0.id, Group(id: $0.id, name: $0.name, grants: $0.grants))
        })
        var groupsOf: [MemberID: [Group]] = [:]
        try db.query("SELECT member_id, group_id FROM group_members") { row in
            if let group = groupsByID[row.int(1)] { groupsOf[row.int(0), default: []].append(group) }
        }
        var overridesOf: [MemberID: [Override]] = [:]
        try db.query("SELECT member_id, permission, effect FROM overrides") { row in
            if let permission = Permission(rawValue: row.text(1)), let effect = Override.Effect(rawValue: row.text(2)) {
                overridesOf[row.int(0), default: []].append(Override(permission: permission, effect: effect))
            }
        }
        let filter = activeOnly ? "WHERE status = 'active'" : ""
        return try db.all("SELECT \(RowMapping.memberColumns) FROM members \(filter) ORDER BY sort_name, id") { row in
            let member = try RowMapping.member(row)
            let groups = (groupsOf[member.id] ?? []).sorted { $0.name < $1.name }
            return (member, PermissionSources(role: member.role, status: member.status, groups: groups,
                                              overrides: overridesOf[member.id] ?? []))
        }
    }
}
