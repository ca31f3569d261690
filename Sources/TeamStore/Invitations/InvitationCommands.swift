import TeamCore
import TeamMail

/// Invite, resend, revoke and the expiry setting: planned, checked by the
/// guard and applied like every other command (see Commands.swift), with
/// their mail spooled in the same transaction.
extension SQLiteWorkspace {
    func planInvitation(_ command: TeamCommand, _ op: OperatorContext, _ spool: SpoolBatch) throws -> Plan {
        switch command {
        case .invite(let email, let role, let phones):
            let inboxes = try phones.map { phone throws -> Inbox in
                guard let inbox = try inboxRow(phone: phone) else { throw TeamError.notFound(Guard.noSuchInbox(phone.value)) }
                return inbox
            }
            return Plan(action: .invite(role: role, inboxes: inboxes.map(Self.facts))) {
                let context = try self.inviteContext(op)
                try self.requireNotMember(email)
                let replaced = try self.livePendingInvitation(email, now: context.now)
                // Counting the seats reads every pending invitation: only when there is a limit
                // (a batch of 10,000 invitations would otherwise read them 10,000 times).
                try self.requireSeats(.invite(count: 1, replacing: replaced == nil ? 0 : 1), now: context.now)
                if let replaced { try self.markRevoked(replaced, reason: "replaced by a new invitation") }
                let created = try self.createInvitation(email: email, role: role, inboxes: inboxes, context, spool,
                                                        replacing: replaced)
                var message = "invited \(email) as \(role.rawValue)"
                    + (inboxes.isEmpty ? "" : " to " + inboxes.map(\.phone.value).joined(separator: ", "))
                    + " (invitation #\(created.invitation.id), expires \(created.invitation.expiresAt)); mail #\(created.mail) queued"
                if let replaced {
                    message += "; this replaces pending invitation #\(replaced.id), whose token no longer works"
                }
                return CommandOutcome(message: message, changed: true, invitation: created.invitation,
                                      queuedMail: [created.mail])
            }
        case .resendInvitation(let ref):
            let invitation = try requireInvitation(ref)
            return Plan(action: .manageInvitation) { try self.resend(invitation, op, spool) }
        case .revokeInvitation(let ref):
            let invitation = try requireInvitation(ref)
            return Plan(action: .manageInvitation) { try self.revoke(invitation, op) }
        case .setInviteExpiry(let days):
            return Plan(action: .modifyTeamSettings(grants: [])) { try self.setInviteExpiry(days, op) }
        default:
            throw TeamError.conflict("not an invitation command: \(command)")
        }
    }

    /// What every invitation made in one transaction shares.
    struct InviteContext {
        let op: OperatorContext
        let workspace: String
        let expiryDays: Int
        let now: Timestamp
    }

    func inviteContext(_ op: OperatorContext) throws -> InviteContext {
        InviteContext(op: op, workspace: try workspaceName(), expiryDays: try inviteExpiryDays(), now: now())
    }

    /// Stores a pending invitation (hash of a fresh token only), queues its
    /// mail and appends the audit event. The token leaves this function only
    /// inside the spooled message.
    func createInvitation(email: EmailAddress, role: Role, inboxes: [Inbox], _ context: InviteContext,
                          _ spool: SpoolBatch, replacing: Invitation?) throws -> (invitation: Invitation, mail: MailID) {
        let token = InvitationToken.generate()
        let expires = InvitationRules.expiry(from: context.now, days: context.expiryDays)
        try db.run("""
            INSERT INTO invitations (email, role, token_hash, invited_by, created_at, expires_at, status)
            VALUES (?, ?, ?, ?, ?, ?, 'pending')
            """, [email.value, role.rawValue, SQLValue.blob(token.hash), context.op.member.id,
                  context.now.seconds, expires.seconds])
        let id = db.lastInsertRowID
        for inbox in inboxes {
            try db.run("INSERT INTO invitation_inboxes (invitation_id, phone, inbox_id) VALUES (?, ?, ?)",
                       [id, inbox.phone.value, inbox.id])
        }
        let invitation = Invitation(id: id, email: email, role: role, inboxes: inboxes.map(\.phone),
                                    invitedBy: context.op.member.id, createdAt: context.now, expiresAt: expires,
                                    status: .pending)
        let mail = try queueInvitationMail(invitation, inboxes: inboxes, token: token, context, spool)
        var after: AuditValues = [
            ("invitation", .int(id)), ("role", .string(role.rawValue)),
            ("inboxes", .array(inboxes.map { .string($0.phone.value) })),
            ("expires_at", .string(expires.iso8601)), ("mail", .int(mail)),
        ]
        if let replacing { after.append(("replaces", .int(replacing.id))) }
        try appendAudit(context.op, action: "invitation.create", target: email.value, after: after)
        return (invitation, mail)
    }

    /// The invitation with its effective status (pending past its expiry reads expired).
    func effective(_ invitation: Invitation) -> Invitation {
        var copy = invitation
        copy.status = InvitationRules.effectiveStatus(invitation.status, expiresAt: invitation.expiresAt, now: now())
        return copy
    }

    private func resend(_ invitation: Invitation, _ op: OperatorContext, _ spool: SpoolBatch) throws -> CommandOutcome {
        if let refusal = InvitationLifecycle.refusal(.resend, effective(invitation)) {
            throw TeamError.conflict(refusal.message)
        }
        try requireNotMember(invitation.email)
        let context = try inviteContext(op)
        // Reviving an expired invitation must not leave two live ones for one email.
        if let newer = try livePendingInvitation(invitation.email, now: context.now), newer.id != invitation.id {
            throw TeamError.conflict(
                "\(invitation.email) has a newer pending invitation #\(newer.id); resend that one: clerk-team invites resend \(newer.id)")
        }
        let token = InvitationToken.generate()
        let expires = InvitationRules.expiry(from: context.now, days: context.expiryDays)
        try db.run("UPDATE invitations SET token_hash = ?, expires_at = ?, version = version + 1 WHERE id = ?",
                   [SQLValue.blob(token.hash), expires.seconds, invitation.id])
        try cancelQueuedMail(invitation: invitation.id, reason: "the invitation was resent with a new token")
        let inboxes = try invitationInboxes(invitation.id).compactMap { entry in
            try entry.inboxID.flatMap { id in
                try db.first("SELECT \(RowMapping.inboxColumns) FROM inboxes WHERE id = ?", [id]) { try RowMapping.inbox($0) }
            }
        }
        var renewed = invitation
        renewed.expiresAt = expires
        let mail = try queueInvitationMail(renewed, inboxes: inboxes, token: token, context, spool)
        try appendAudit(op, action: "invitation.resend", target: invitation.email.value,
                        before: [("invitation", .int(invitation.id)), ("expires_at", .string(invitation.expiresAt.iso8601))],
                        after: [("invitation", .int(invitation.id)), ("expires_at", .string(expires.iso8601)), ("mail", .int(mail))])
        return CommandOutcome(
            message: "resent invitation #\(invitation.id) to \(invitation.email) with a new token (the old one no longer works); expires \(expires); mail #\(mail) queued",
            changed: true, invitation: renewed, queuedMail: [mail])
    }

    private func revoke(_ invitation: Invitation, _ op: OperatorContext) throws -> CommandOutcome {
        let current = effective(invitation)
        if let refusal = InvitationLifecycle.refusal(.revoke, current) {
            guard refusal.alreadyDone else { throw TeamError.conflict(refusal.message) }
            return CommandOutcome(message: refusal.message, changed: false, invitation: current)
        }
        try markRevoked(invitation, reason: "the invitation was revoked")
        try appendAudit(op, action: "invitation.revoke", target: invitation.email.value,
                        before: [("invitation", .int(invitation.id)), ("status", .string(current.status.rawValue))],
                        after: [("invitation", .int(invitation.id)), ("status", .string("revoked"))])
        var revoked = invitation
        revoked.status = .revoked
        return CommandOutcome(message: "revoked invitation #\(invitation.id) for \(invitation.email); its token no longer works",
                              changed: true, invitation: revoked)
    }

    /// Kills an invitation's token and any of its mail still waiting.
    func markRevoked(_ invitation: Invitation, reason: String) throws {
        try db.run("UPDATE invitations SET status = 'revoked', version = version + 1 WHERE id = ? AND status = 'pending'",
                   [invitation.id])
        try cancelQueuedMail(invitation: invitation.id, reason: reason)
    }

    private func setInviteExpiry(_ days: Int, _ op: OperatorContext) throws -> CommandOutcome {
        let valid: Int
        do { valid = try InvitationRules.validateExpiryDays(days) } catch { throw TeamError.invalid(error) }
        let stored = try db.first("SELECT invite_expiry_days FROM workspace WHERE id = 1") { $0.optionalInt(0) } ?? nil
        if stored == Int64(valid) {
            return CommandOutcome(message: "new invitations already expire after \(valid) days", changed: false)
        }
        try db.run("UPDATE workspace SET invite_expiry_days = ?, version = version + 1 WHERE id = 1", [valid])
        try appendAudit(op, action: "workspace.set-invite-expiry", target: try workspaceName(),
                        before: [("invite_expiry_days", stored.map { .int($0) } ?? .null)],
                        after: [("invite_expiry_days", .int(Int64(valid)))])
        return CommandOutcome(message: "new invitations now expire after \(valid) days (pending ones keep their expiry)",
                              changed: true)
    }
}
