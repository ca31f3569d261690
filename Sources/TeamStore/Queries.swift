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
            let access = try everyMembersAccess()
            return try db.all("SELECT \(RowMapping.memberColumns) FROM members ORDER BY sort_name, id") { row in
                let member = try RowMapping.member(row)
                let (inboxes, byPhone) = Self.visibleAccess(access[member.id] ?? [:], visible)
                return MemberSummary(member: member, inboxes: inboxes, access: byPhone)
            }
        }
    }

    public func member(_ email: EmailAddress) throws -> MemberDetail {
        try reading {
            let op = try resolveOperator()
            try check(.readWorkspace, op)
            let member = try requireMember(email)
            let sources = try sources(of: member)
            let access = try inboxAccess(of: member.id)
            let inboxes = try db.all("""
                SELECT \(Self.prefixed(RowMapping.inboxColumns, "i")) FROM inboxes i
                WHERE i.id IN (SELECT inbox_id FROM member_inboxes WHERE member_id = ?) ORDER BY i.phone
                """, [member.id], { try RowMapping.inbox($0) })
                .filter { Guard.canSee(Self.facts($0), actor: op.facts) }
            let matrix = try loadMatrix()
            var byPhone: [PhoneNumber: InboxAccess] = [:]
            for inbox in inboxes { byPhone[inbox.phone] = access[inbox.id] }
            return MemberDetail(member: member, inboxes: inboxes,
                                permissions: EffectivePermissions.compute(sources, matrix: matrix),
                                groups: sources.groups.map(\.name), overrides: sources.overrides,
                                explanations: Permission.allCases.map { EffectivePermissions.explain($0, sources, matrix: matrix) },
                                access: byPhone)
        }
    }

    public func inboxes() throws -> [InboxSummary] {
        try reading {
            let op = try resolveOperator()
            try check(.readWorkspace, op)
            let inboxes = try visibleInboxes(op)
            var membersByInbox: [InboxID: [EmailAddress]] = [:]
            var directByInbox: [InboxID: [EmailAddress]] = [:]
            let wanted = Set(inboxes.map(\.id))
            try db.query("""
                SELECT mi.inbox_id, m.email, EXISTS (SELECT 1 FROM assignments a WHERE a.member_id = mi.member_id AND a.inbox_id = mi.inbox_id)
                FROM member_inboxes mi JOIN members m ON m.id = mi.member_id
                ORDER BY mi.inbox_id, m.email
                """) { row in
                let inboxID = row.int(0)
                guard wanted.contains(inboxID) else { return }
                let email = EmailAddress(stored: row.text(1))
                membersByInbox[inboxID, default: []].append(email)
                if row.int(2) != 0 { directByInbox[inboxID, default: []].append(email) }
            }
            let groups = try groupsOnInboxes()
            let threads = try threadCounts(inboxes, op)
            return inboxes.map {
                InboxSummary(inbox: $0, members: membersByInbox[$0.id] ?? [], direct: directByInbox[$0.id] ?? [],
                             groups: groups[$0.id] ?? [], threads: threads[$0.id])
            }
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
