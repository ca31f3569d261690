import TeamCore

/// Reading groups: the list, one group with its members, and the lookup
/// every group command starts with.
extension SQLiteWorkspace {
    public func groups() throws -> [GroupSummary] {
        try reading {
            let op = try resolveOperator()
            try check(.readWorkspace, op)
            return try visibleOnly(try allGroups(), op)
        }
    }

    public func group(_ name: DisplayName) throws -> GroupDetail {
        try reading {
            let op = try resolveOperator()
            try check(.readWorkspace, op)
            let group = try visibleOnly([try requireGroup(name)], op)[0]
            let members = try db.all("""
                SELECT \(RowMapping.memberColumns.split(separator: ",").map { "m." + $0.trimmingCharacters(in: .whitespaces) }.joined(separator: ", "))
                FROM group_members gm JOIN members m ON m.id = gm.member_id
                WHERE gm.group_id = ? ORDER BY m.sort_name, m.id
                """, [group.id]) { try RowMapping.member($0) }
            return GroupDetail(summary: group, members: members)
        }
    }

    /// Every group with its grants and member count, by name (call inside a transaction).
    func allGroups() throws -> [GroupSummary] {
        var grants: [Int64: Set<Permission>] = [:]
        try db.query("SELECT group_id, permission FROM group_grants") { row in
            if let permission = Permission(rawValue: row.text(1)) { grants[row.int(0), default: []].insert(permission) }
        }
        var inboxes: [Int64: [PhoneNumber]] = [:]
        try db.query("SELECT gi.group_id, i.phone FROM group_inboxes gi JOIN inboxes i ON i.id = gi.inbox_id ORDER BY i.phone") { row in
            inboxes[row.int(0), default: []].append(PhoneNumber(stored: row.text(1)))
        }
        return try db.all("""
            SELECT g.id, g.name, g.version, (SELECT count(*) FROM group_members gm WHERE gm.group_id = g.id)
            FROM groups g
            """) { row in
            GroupSummary(id: row.int(0), name: row.text(1), grants: grants[row.int(0)] ?? [],
                         memberCount: Int(row.int(3)), version: row.int(2), inboxes: inboxes[row.int(0)] ?? [])
        }.sorted { ($0.name.lowercased(), $0.name) < ($1.name.lowercased(), $1.name) }
    }

    /// Groups as the operator may see them: a hidden inbox is not named.
    private func visibleOnly(_ groups: [GroupSummary], _ op: OperatorContext) throws -> [GroupSummary] {
        let visible = Set(try visibleInboxes(op).map(\.phone))
        return groups.map { group in
            var copy = group
            copy.inboxes = group.inboxes.filter(visible.contains)
            return copy
        }
    }

    /// The group named `name` (case-insensitively). Groups are few, so they
    /// are matched here rather than by a folded column in the file.
    func requireGroup(_ name: DisplayName, expectedVersion: Int64? = nil) throws -> GroupSummary {
        guard let group = try allGroups().first(where: { Group.sameName($0.name, name.value) }) else {
            throw TeamError.notFound("no group '\(name)' in this workspace")
        }
        if let expectedVersion, expectedVersion != group.version {
            throw TeamError.stale("group '\(group.name)' was changed by someone else since you looked; nothing was overwritten, reload and try again")
        }
        return group
    }

    /// Names of the groups `member` belongs to, by name.
    func groupNames(of member: Member) throws -> [String] {
        try sources(of: member).groups.map(\.name)
    }
}
