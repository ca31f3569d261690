import Foundation
import TeamCore

/// Who works in which inbox: directly (`assignments`) or through a group on
/// the inbox (`group_inboxes` × `group_members`). Every read of a member's
/// inboxes or an inbox's people goes through here, so the member list, the
/// detail, the inbox listing and the guard's visibility agree.
extension SQLiteWorkspace {
    /// Rows of (member, inbox, group name or NULL for a direct assignment) in
    /// `access` form. `rows` yields those triples.
    static func collectAccess(_ rows: (_ each: (MemberID, InboxID, String?) -> Void) throws -> Void)
        rethrows -> [MemberID: [InboxID: InboxAccess]] {
        var access: [MemberID: [InboxID: InboxAccess]] = [:]
        try rows { member, inbox, group in
            var entry = access[member, default: [:]][inbox] ?? InboxAccess(direct: false, groups: [])
            if let group { entry.groups.append(group) } else { entry.direct = true }
            access[member, default: [:]][inbox] = entry
        }
        for (member, inboxes) in access {
            for (inbox, entry) in inboxes {
                access[member]?[inbox]?.groups = entry.groups.sorted { ($0.lowercased(), $0) < ($1.lowercased(), $1) }
            }
        }
        return access
    }

    /// Every member's inboxes with how they hold them.
    func everyMembersAccess() throws -> [MemberID: [InboxID: InboxAccess]] {
        try Self.collectAccess { each in
            try db.query("""
                SELECT member_id, inbox_id, NULL FROM assignments
                UNION ALL SELECT gm.member_id, gi.inbox_id, g.name FROM group_members gm
                    JOIN group_inboxes gi ON gi.group_id = gm.group_id JOIN groups g ON g.id = gm.group_id
                """) { row in each(row.int(0), row.int(1), row.optionalText(2)) }
        }
    }

    /// One member's inboxes with how they hold them.
    func inboxAccess(of member: MemberID) throws -> [InboxID: InboxAccess] {
        try Self.collectAccess { each in
            try db.query(HotQueries.inboxAccessOfMember, [member, member]) { row in each(member, row.int(0), row.optionalText(1)) }
        }[member] ?? [:]
    }

    /// The visible part of `access` as a summary's numbers and access map.
    static func visibleAccess(_ access: [InboxID: InboxAccess], _ visible: [InboxID: PhoneNumber])
        -> ([PhoneNumber], [PhoneNumber: InboxAccess]) {
        var byPhone: [PhoneNumber: InboxAccess] = [:]
        for (inbox, entry) in access { if let phone = visible[inbox] { byPhone[phone] = entry } }
        return (byPhone.keys.sorted(), byPhone)
    }

    /// The groups on each inbox, by name.
    func groupsOnInboxes() throws -> [InboxID: [String]] {
        var groups: [InboxID: [String]] = [:]
        try db.query("SELECT gi.inbox_id, g.name FROM group_inboxes gi JOIN groups g ON g.id = gi.group_id") { row in
            groups[row.int(0), default: []].append(row.text(1))
        }
        return groups.mapValues { $0.sorted { ($0.lowercased(), $0) < ($1.lowercased(), $1) } }
    }

    /// The inboxes a group is on (every one, visible or not: the guard decides what that means).
    func inboxesOfGroup(_ groupID: Int64) throws -> [Inbox] {
        try db.all("""
            SELECT \(Self.prefixed(RowMapping.inboxColumns, "i")) FROM group_inboxes gi JOIN inboxes i ON i.id = gi.inbox_id
            WHERE gi.group_id = ? ORDER BY i.phone
            """, [groupID]) { try RowMapping.inbox($0) }
    }

    /// Members of `groupID` who work in `inboxID` through that group alone
    /// (not directly, not through another group), or who would start to when
    /// the group is put on it: those a change of the group on the inbox moves.
    func membersMovedByGroup(_ groupID: Int64, inbox inboxID: InboxID) throws -> [Member] {
        try db.all("""
            SELECT \(Self.prefixed(RowMapping.memberColumns, "m")) FROM group_members gm JOIN members m ON m.id = gm.member_id
            WHERE gm.group_id = ?1
              AND NOT EXISTS (SELECT 1 FROM assignments a WHERE a.member_id = m.id AND a.inbox_id = ?2)
              AND NOT EXISTS (SELECT 1 FROM group_members o JOIN group_inboxes gi ON gi.group_id = o.group_id
                              WHERE o.member_id = m.id AND gi.inbox_id = ?2 AND o.group_id != ?1)
            ORDER BY m.email
            """, [groupID, inboxID]) { try RowMapping.member($0) }
    }

    /// The group's inboxes that joining (or leaving) it would put `member` in
    /// (or take them out of): those they do not work in otherwise.
    func inboxesMovedByMembership(_ member: Member, group groupID: Int64) throws -> [Inbox] {
        try db.all("""
            SELECT \(Self.prefixed(RowMapping.inboxColumns, "i")) FROM group_inboxes gi JOIN inboxes i ON i.id = gi.inbox_id
            WHERE gi.group_id = ?1
              AND NOT EXISTS (SELECT 1 FROM assignments a WHERE a.member_id = ?2 AND a.inbox_id = i.id)
              AND NOT EXISTS (SELECT 1 FROM group_members o JOIN group_inboxes x ON x.group_id = o.group_id
                              WHERE o.member_id = ?2 AND x.inbox_id = i.id AND o.group_id != ?1)
            ORDER BY i.phone
            """, [groupID, member.id]) { try RowMapping.inbox($0) }
    }

    /// `a, b` → `t.a, t.b`, for a column list used in a join.
    static func prefixed(_ columns: String, _ table: String) -> String {
        columns.split(separator: ",").map { "\(table)." + $0.trimmingCharacters(in: .whitespaces) }.joined(separator: ", ")
    }
}
