import TeamCore

/// The current team as a roster (`roster export`, and the "before" of
/// `roster apply`), read in one snapshot with the bulk reads `who-holds` uses.
extension SQLiteWorkspace {
    public func roster() throws -> Roster {
        try reading {
            let op = try resolveOperator()
            try check(.readWorkspace, op)
            // Only what the operator may see: a hidden private inbox is neither
            // listed nor named in anyone's inboxes, so a plan never touches it.
            let inboxes = try visibleInboxes(op)
            let phoneOf = Dictionary(uniqueKeysWithValues: inboxes.map { ($0.id, $0.phone) })
            var assigned: [MemberID: [PhoneNumber]] = [:]
            try db.query("SELECT member_id, inbox_id FROM assignments") { row in
                if let phone = phoneOf[row.int(1)] { assigned[row.int(0), default: []].append(phone) }
            }
            var members = try everyMemberSources(activeOnly: false).map { member, sources in
                Roster.MemberEntry(
                    email: member.email, name: member.name, role: member.role,
                    status: member.status == .active ? .active : .deactivated,
                    inboxes: assigned[member.id] ?? [], groups: sources.groups.map(\.name),
                    grants: Set(sources.overrides.filter { $0.effect == .grant }.map(\.permission)),
                    revokes: Set(sources.overrides.filter { $0.effect == .revoke }.map(\.permission)))
            }
            members += try pendingInvitees(phoneOf, except: Set(members.map(\.email)))
            return Roster(roles: Roster.roleChanges(try loadMatrix()),
                          inboxes: inboxes.map { Roster.InboxEntry(phone: $0.phone, name: $0.name, visibility: $0.visibility) },
                          groups: try allGroups().map {
                              Roster.GroupEntry(name: $0.name, grants: $0.grants,
                                                inboxes: $0.inboxes.filter { phone in phoneOf.values.contains(phone) })
                          },
                          members: members).sorted()
        }
    }

    /// People with a live pending invitation (the newest for each email), as
    /// `invited` entries with the role and visible inboxes it offers.
    private func pendingInvitees(_ phoneOf: [InboxID: PhoneNumber], except members: Set<EmailAddress>) throws -> [Roster.MemberEntry] {
        var inboxesOf: [Int64: [PhoneNumber]] = [:]
        try db.query("SELECT invitation_id, inbox_id FROM invitation_inboxes WHERE inbox_id IS NOT NULL") { row in
            if let phone = phoneOf[row.int(1)] { inboxesOf[row.int(0), default: []].append(phone) }
        }
        var seen = members
        return try db.all("""
            SELECT \(Self.invitationColumns) FROM invitations WHERE status = 'pending' AND expires_at > ? ORDER BY id DESC
            """, [now().seconds]) { try invitation($0) }
            .compactMap { invitation in
                guard seen.insert(invitation.email).inserted else { return nil }
                return Roster.MemberEntry(email: invitation.email, name: nil, role: invitation.role, status: .invited,
                                          inboxes: inboxesOf[invitation.id] ?? [])
            }
    }
}
