import TeamCore
import TeamMail

/// Reading invitations and workspace settings they depend on.
extension SQLiteWorkspace {
    static let invitationColumns = "id, email, role, invited_by, created_at, expires_at, status"

    /// Maps a row of ``invitationColumns``; `inboxes` are filled in by the caller.
    func invitation(_ row: Row) throws -> Invitation {
        guard let email = try? EmailAddress(row.text(1)), let role = Role(rawValue: row.text(2)),
              let status = InvitationStatus(rawValue: row.text(6)) else {
            throw TeamError.storage("invitation #\(row.int(0)) holds invalid values; was the file edited by hand?")
        }
        return Invitation(id: row.int(0), email: email, role: role, inboxes: [], invitedBy: row.optionalInt(3),
                          createdAt: Timestamp(seconds: row.int(4)), expiresAt: Timestamp(seconds: row.int(5)),
                          status: status)
    }

    /// Phones named by an invitation, with the inbox each still points to (nil: removed since).
    func invitationInboxes(_ id: Int64) throws -> [(phone: String, inboxID: InboxID?)] {
        try db.all("SELECT phone, inbox_id FROM invitation_inboxes WHERE invitation_id = ? ORDER BY phone", [id]) {
            ($0.text(0), $0.optionalInt(1))
        }
    }

    /// By number, or the most recent for an email (a pending one first).
    func requireInvitation(_ ref: InvitationRef) throws -> Invitation {
        let found: Invitation?
        switch ref {
        case .id(let id):
            found = try db.first("SELECT \(Self.invitationColumns) FROM invitations WHERE id = ?", [id]) { try invitation($0) }
        case .email(let email):
            found = try latestInvitation(email)
        }
        guard var result = found else {
            switch ref {
            case .id(let id): throw TeamError.notFound("no invitation #\(id) in this workspace")
            case .email(let email): throw TeamError.notFound("no invitation for \(email) in this workspace")
            }
        }
        result.inboxes = try invitationInboxes(result.id).compactMap { try? PhoneNumber($0.phone) }
        return result
    }

    func workspaceName() throws -> String {
        try db.first("SELECT name FROM workspace WHERE id = 1") { $0.text(0) } ?? ""
    }

    /// Days until a new invitation expires: the workspace's setting, else
    /// the operator's configured default, else 7.
    func inviteExpiryDays() throws -> Int {
        let stored = try db.first("SELECT invite_expiry_days FROM workspace WHERE id = 1") { $0.optionalInt(0) } ?? nil
        if let stored { return Int(stored) }
        return mailSettings.defaultExpiryDays ?? InvitationRules.defaultExpiryDays
    }

    /// Refuses an invitee who is already a member, naming what to do instead.
    func requireNotMember(_ email: EmailAddress) throws {
        guard let member = try memberRow(email: email) else { return }
        if member.isActive {
            throw TeamError.conflict("\(email) is already an active member of this workspace")
        }
        throw TeamError.conflict(
            "\(email) is a deactivated member; reactivate them instead: clerk-team members reactivate \(email)")
    }
}
