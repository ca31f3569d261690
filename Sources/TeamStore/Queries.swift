import TeamCore

/// Read side of ``TeamWorkspace``: each call is one consistent snapshot.
extension SQLiteWorkspace {
    public func summary() throws -> WorkspaceSummary {
        try reading {
            let op = try resolveOperator()
            try check(.readWorkspace, op)
            let head = try db.first("SELECT name, created_at FROM workspace WHERE id = 1") {
                ($0.text(0), Timestamp(seconds: $0.int(1)))
            }
            guard let head else { throw TeamError.storage("\(path) has no workspace record; was it edited by hand?") }
            return WorkspaceSummary(
                name: head.0, createdAt: head.1,
                members: Int(try db.scalarInt("SELECT count(*) FROM members")),
                activeMembers: Int(try db.scalarInt("SELECT count(*) FROM members WHERE status = 'active'")),
                inboxes: try visibleInboxes(op).count)
        }
    }

    public func session() throws -> SessionSnapshot {
        try reading {
            let op = try resolveOperator()
            try check(.readWorkspace, op)
            let name = try db.first("SELECT name FROM workspace WHERE id = 1") { $0.text(0) } ?? ""
            return SessionSnapshot(workspaceName: name, operatorContext: op, facts: try workspaceFacts(),
                                   memberCount: Int(try db.scalarInt("SELECT members FROM member_count WHERE id = 1")),
                                   viewingAs: viewingAs(op), seats: try sessionSeats(op))
        }
    }

    public func roleMatrix() throws -> RoleMatrix {
        try reading { try loadMatrix() }
    }

    public func members() throws -> [MemberSummary] {
        try reading {
            let op = try resolveOperator()
            try check(.readWorkspace, op)
            let visible = Dictionary(uniqueKeysWithValues: try visibleInboxes(op).map { ($0.id, $0.phone) })
            var inboxesByMember: [MemberID: [PhoneNumber]] = [:]
            try db.query("SELECT member_id, inbox_id FROM assignments") { row in
                if let phone = visible[row.int(1)] { inboxesByMember[row.int(0), default: []].append(phone) }
            }
            return try db.all("SELECT \(RowMapping.memberColumns) FROM members ORDER BY sort_name, id") { row in
                let member = try RowMapping.member(row)
                return MemberSummary(member: member, inboxes: (inboxesByMember[member.id] ?? []).sorted())
            }
        }
    }

    public func member(_ email: EmailAddress) throws -> MemberDetail {
        try reading {
            let op = try resolveOperator()
            try check(.readWorkspace, op)
            let member = try requireMember(email)
            let sources = try sources(of: member)
            let inboxes = try db.all("""
                SELECT \(RowMapping.inboxColumns.split(separator: ",").map { "i." + $0.trimmingCharacters(in: .whitespaces) }.joined(separator: ", "))
                FROM assignments a JOIN inboxes i ON i.id = a.inbox_id
                WHERE a.member_id = ? ORDER BY i.phone
                """, [member.id], { try RowMapping.inbox($0) })
                .filter { Guard.canSee(Self.facts($0), actor: op.facts) }
            let matrix = try loadMatrix()
            return MemberDetail(member: member, inboxes: inboxes,
                                permissions: EffectivePermissions.compute(sources, matrix: matrix),
                                groups: sources.groups.map(\.name), overrides: sources.overrides,
                                explanations: Permission.allCases.map { EffectivePermissions.explain($0, sources, matrix: matrix) })
        }
    }

    public func inboxes() throws -> [InboxSummary] {
        try reading {
            let op = try resolveOperator()
            try check(.readWorkspace, op)
            let inboxes = try visibleInboxes(op)
            var membersByInbox: [InboxID: [EmailAddress]] = [:]
            let wanted = Set(inboxes.map(\.id))
            try db.query("""
                SELECT a.inbox_id, m.email FROM assignments a JOIN members m ON m.id = a.member_id
                ORDER BY a.inbox_id, m.email
                """) { row in
                let inboxID = row.int(0)
                guard wanted.contains(inboxID) else { return }
                membersByInbox[inboxID, default: []].append(EmailAddress(stored: row.text(1)))
            }
            let threads = try threadCounts(inboxes, op)
            return inboxes.map { InboxSummary(inbox: $0, members: membersByInbox[$0.id] ?? [], threads: threads[$0.id]) }
        }
    }

    public func inboxList() throws -> [Inbox] {
        try reading {
            let op = try resolveOperator()
            try check(.readWorkspace, op)
            return try visibleInboxes(op)
        }
    }

    public func explain(_ email: EmailAddress, _ permission: Permission) throws -> PermissionExplanation {
        try reading {
            let op = try resolveOperator()
            try check(.readWorkspace, op)
            let member = try requireMember(email)
            return EffectivePermissions.explain(permission, try sources(of: member), matrix: try loadMatrix())
        }
    }

    /// Inboxes the operator may see, ordered by number.
    func visibleInboxes(_ op: OperatorContext) throws -> [Inbox] {
        try db.all("SELECT \(RowMapping.inboxColumns) FROM inboxes ORDER BY phone") { try RowMapping.inbox($0) }
            .filter { Guard.canSee(Self.facts($0), actor: op.facts) }
    }
}
