import TeamCore

/// Queries for browsing a large team: the whole list as a compact index,
/// then only the rows on screen.
extension SQLiteWorkspace {
    public func memberIndex(sort: MemberSort) throws -> MemberIndex {
        try reading {
            let op = try resolveOperator()
            try check(.readWorkspace, op)
            var index = MemberIndex()
            try db.query(Self.indexQuery(sort)) { row in
                index.appendFolded(id: row.int(0), foldedName: row.text(1), email: row.text(2), group: UInt8(row.int(3)))
            }
            return index
        }
    }

    public func firstMembers(limit: Int) throws -> [MemberSummary] {
        let ids = try reading {
            try db.all(HotQueries.firstMemberIDs, [max(0, limit)]) { $0.int(0) }
        }
        return try memberRows(ids)
    }

    public func memberRows(_ ids: [MemberID]) throws -> [MemberSummary] {
        guard !ids.isEmpty else { return [] }
        return try reading {
            let op = try resolveOperator()
            try check(.readWorkspace, op)
            let list = "[" + ids.map(String.init).joined(separator: ",") + "]"
            let visible = Dictionary(uniqueKeysWithValues: try visibleInboxes(op).map { ($0.id, $0.phone) })
            let access = try Self.collectAccess { each in
                try db.query(HotQueries.assignmentsOfMembers, [list, list]) { row in
                    each(row.int(0), row.int(1), row.optionalText(2))
                }
            }
            var byID: [MemberID: Member] = [:]
            try db.query(HotQueries.membersByIDs, [list]) { row in
                let member = try RowMapping.member(row)
                byID[member.id] = member
            }
            return ids.compactMap { id in
                byID[id].map { member in
                    let (inboxes, byPhone) = Self.visibleAccess(access[id] ?? [:], visible)
                    return MemberSummary(member: member, inboxes: inboxes, access: byPhone)
                }
            }
        }
    }

    static func indexQuery(_ sort: MemberSort) -> String {
        let order = switch sort {
        case .name: "sort_name, id"
        case .email: "email"
        case .role: "\(groupColumn(.role)), sort_name, id"
        case .status: "status, sort_name, id"
        }
        return "SELECT id, sort_name, email, \(groupColumn(sort)) FROM members ORDER BY \(order)"
    }

    /// What orders a row before its name in `sort` (MemberIndexEntry.group).
    static func groupColumn(_ sort: MemberSort) -> String {
        switch sort {
        case .name, .email: "0"
        case .role: "CASE role WHEN 'workspace-admin' THEN 0 WHEN 'admin' THEN 1 WHEN 'manager' THEN 2 WHEN 'agent' THEN 3 ELSE 4 END"
        case .status: "CASE status WHEN 'active' THEN 0 ELSE 1 END"
        }
    }
}
