/// The queries on hot paths (every command, every keystroke). Kept in one
/// place so a test can run `EXPLAIN QUERY PLAN` on each and prove that none
/// scans a whole table, whatever the size of the team.
enum HotQueries {
    static let memberByEmail = "SELECT \(RowMapping.memberColumns) FROM members WHERE email = ?"
    static let memberByLogin = "SELECT \(RowMapping.memberColumns) FROM members WHERE login = ?"
    static let inboxByPhone = "SELECT \(RowMapping.inboxColumns) FROM inboxes WHERE phone = ?"
    static let inboxIDsOfMember = "SELECT inbox_id FROM assignments WHERE member_id = ?"
    static let memberIDsOfInbox = "SELECT member_id FROM assignments WHERE inbox_id = ?"
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
    static let assignmentsOfMembers =
        "SELECT member_id, inbox_id FROM assignments WHERE member_id IN (SELECT value FROM json_each(?))"

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
    // `+expires_at` keeps SQLite on the email index: given the choice it took
    // (status, expires_at) and read every pending invitation, once per invite of a batch.
    static let livePendingInvitationForEmail = """
        SELECT \(SQLiteWorkspace.invitationColumns) FROM invitations
        WHERE email = ? AND status = 'pending' AND +expires_at > ? ORDER BY id DESC LIMIT 1
        """
    static let livePendingInvitationCount =
        "SELECT count(*) FROM invitations WHERE status = 'pending' AND expires_at > ?"
    static let activeMemberCount = "SELECT count(*) FROM members WHERE status = 'active'"

    static let all: [(name: String, sql: String)] = [
        ("invitationByTokenHash", invitationByTokenHash), ("acceptPendingToken", acceptPendingToken),
        ("latestInvitationForEmail", latestInvitationForEmail),
        ("livePendingInvitationForEmail", livePendingInvitationForEmail),
        ("livePendingInvitationCount", livePendingInvitationCount), ("activeMemberCount", activeMemberCount),
        ("firstMemberIDs", firstMemberIDs),
        ("membersByIDs", membersByIDs), ("assignmentsOfMembers", assignmentsOfMembers),
        ("memberByEmail", memberByEmail), ("memberByLogin", memberByLogin), ("inboxByPhone", inboxByPhone),
        ("inboxIDsOfMember", inboxIDsOfMember), ("memberIDsOfInbox", memberIDsOfInbox),
        ("activeWorkspaceAdmins", activeWorkspaceAdmins), ("overridesOfMember", overridesOfMember),
        ("groupsOfMember", groupsOfMember),
    ]
}
