/// The queries on hot paths (every command, every keystroke). Kept in one
/// place so a test can run `EXPLAIN QUERY PLAN` on each and prove that none
/// scans a whole table, whatever the size of the team.
enum HotQueries {
    static let memberByEmail = "SELECT \(RowMapping.memberColumns) FROM members WHERE email = ?"
    /// Members whose address has a given part before `@` (see `localPartRange`).
    static let membersByLocalPart = "SELECT \(RowMapping.memberColumns) FROM members WHERE email >= ? AND email < ? ORDER BY id"
    static let memberByLogin = "SELECT \(RowMapping.memberColumns) FROM members WHERE login = ?"
    static let inboxByPhone = "SELECT \(RowMapping.inboxColumns) FROM inboxes WHERE phone = ?"
    /// What a member works in, directly or through a group (`member_inboxes`, schema 4).
    /// Queries with the same `?` twice are bound with the value twice.
    static let inboxIDsOfMember = """
        SELECT inbox_id FROM assignments WHERE member_id = ?
        UNION SELECT gi.inbox_id FROM group_members gm JOIN group_inboxes gi ON gi.group_id = gm.group_id WHERE gm.member_id = ?
        """
    static let memberIDsOfInbox = """
        SELECT member_id FROM assignments WHERE inbox_id = ?
        UNION SELECT gm.member_id FROM group_inboxes gi JOIN group_members gm ON gm.group_id = gi.group_id WHERE gi.inbox_id = ?
        """
    /// Direct assignments (group NULL) and those through each group, of one member.
    static let inboxAccessOfMember = """
        SELECT inbox_id, NULL FROM assignments WHERE member_id = ?
        UNION ALL SELECT gi.inbox_id, g.name FROM group_members gm JOIN group_inboxes gi ON gi.group_id = gm.group_id
            JOIN groups g ON g.id = gm.group_id WHERE gm.member_id = ?
        """
    static let activeWorkspaceAdmins =
        "SELECT \(RowMapping.memberColumns) FROM members WHERE role = 'workspace-admin' AND status = 'active'"
    static let overridesOfMember = "SELECT permission, effect FROM overrides WHERE member_id = ?"
    static let groupsOfMember = """
        SELECT g.id, g.name, gg.permission FROM group_members gm
        JOIN groups g ON g.id = gm.group_id
        LEFT JOIN group_grants gg ON gg.group_id = g.id
        WHERE gm.member_id = ?
        """

    /// Rows on screen, by id (a JSON array bound as one parameter, so one cached statement serves any page).
    static let membersByIDs =
        "SELECT \(RowMapping.memberColumns) FROM members WHERE id IN (SELECT value FROM json_each(?))"
    /// Direct assignments (group NULL) and those through groups, of the members on screen.
    static let assignmentsOfMembers = """
        SELECT member_id, inbox_id, NULL FROM assignments WHERE member_id IN (SELECT value FROM json_each(?))
        UNION ALL SELECT gm.member_id, gi.inbox_id, g.name FROM group_members gm
            JOIN group_inboxes gi ON gi.group_id = gm.group_id JOIN groups g ON g.id = gm.group_id
            WHERE gm.member_id IN (SELECT value FROM json_each(?))
        """

    /// The first screen of the list, before the whole index is loaded.
    static let firstMemberIDs = "SELECT id FROM members ORDER BY sort_name, id LIMIT ?"

    // Invitations: accept by token, and the per-invite checks.
    static let invitationByTokenHash = "SELECT \(SQLiteWorkspace.invitationColumns) FROM invitations WHERE token_hash = ?"
    static let acceptPendingToken = """
        UPDATE invitations SET status = 'accepted', version = version + 1
        WHERE token_hash = ? AND status = 'pending' AND expires_at > ?
        """
    static let latestInvitationForEmail = """
        SELECT \(SQLiteWorkspace.invitationColumns) FROM invitations WHERE email = ?
        ORDER BY status = 'pending' DESC, id DESC LIMIT 1
        """
    /// `+expires_at`: without it SQLite prefers the (status, expires_at) index
    /// and walks every pending invitation; by email it reads one or two rows.
    static let livePendingInvitationForEmail = """
        SELECT \(SQLiteWorkspace.invitationColumns) FROM invitations
        WHERE email = ? AND status = 'pending' AND +expires_at > ? ORDER BY id DESC LIMIT 1
        """
    /// The same two, by the part before `@` (see `localPartRange`).
    static let latestInvitationsByLocalPart = """
        SELECT \(SQLiteWorkspace.invitationColumns) FROM invitations WHERE email >= ? AND email < ?
        ORDER BY status = 'pending' DESC, id DESC
        """
    /// `+status` too: otherwise SQLite reads every pending invitation by the (status) index.
    static let livePendingInvitationsByLocalPart = """
        SELECT \(SQLiteWorkspace.invitationColumns) FROM invitations
        WHERE email >= ? AND email < ? AND +status = 'pending' AND +expires_at > ? ORDER BY id DESC
        """
    static let livePendingInvitationCount =
        "SELECT count(*) FROM invitations WHERE status = 'pending' AND expires_at > ?"
    /// Kept by triggers (schema 4): counting would read the whole index.
    static let activeMemberCount = "SELECT active FROM member_count WHERE id = 1"

    /// Cancels queued mail whose invitation can no longer be accepted.
    /// Walks the queued rows (few) and looks each invitation up by id,
    /// rather than scanning every invitation for dead ones (many).
    static let cancelDeadMail = """
        UPDATE outbox SET status = 'cancelled', last_error = 'the invitation was no longer pending when its turn came'
        WHERE status = 'queued' AND invitation_id IS NOT NULL AND EXISTS
            (SELECT 1 FROM invitations i WHERE i.id = outbox.invitation_id AND (i.status != 'pending' OR i.expires_at <= ?))
        """

    /// Mail due now, oldest first, that this login may send (all for the superuser).
    static let dueMail = """
        SELECT id, recipient, spool_file, spool_offset, spool_length, attempts, spool_sha256, queued_by FROM outbox
        WHERE status = 'queued' AND next_attempt_at <= ? AND id > ? AND (queued_by = ? OR ?)
        ORDER BY id LIMIT ?
        """

    static let all: [(name: String, sql: String)] = [
        ("invitationByTokenHash", invitationByTokenHash), ("acceptPendingToken", acceptPendingToken),
        ("latestInvitationForEmail", latestInvitationForEmail),
        ("livePendingInvitationForEmail", livePendingInvitationForEmail),
        ("latestInvitationsByLocalPart", latestInvitationsByLocalPart),
        ("livePendingInvitationsByLocalPart", livePendingInvitationsByLocalPart),
        ("membersByLocalPart", membersByLocalPart),
        ("livePendingInvitationCount", livePendingInvitationCount), ("activeMemberCount", activeMemberCount),
        ("firstMemberIDs", firstMemberIDs),
        ("membersByIDs", membersByIDs), ("assignmentsOfMembers", assignmentsOfMembers),
        ("memberByEmail", memberByEmail), ("memberByLogin", memberByLogin), ("inboxByPhone", inboxByPhone),
        ("inboxIDsOfMember", inboxIDsOfMember), ("memberIDsOfInbox", memberIDsOfInbox),
        ("inboxAccessOfMember", inboxAccessOfMember),
        ("activeWorkspaceAdmins", activeWorkspaceAdmins), ("overridesOfMember", overridesOfMember),
        ("groupsOfMember", groupsOfMember), ("dueMail", dueMail), ("cancelDeadMail", cancelDeadMail),
    ]
}
