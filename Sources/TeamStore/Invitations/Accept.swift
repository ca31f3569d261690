import TeamCore

/// `accept TOKEN`: the one write with no operator, since the accepting login
/// is not a member yet. The token is its only authority.
extension SQLiteWorkspace {
    public func acceptInvitation(_ request: AcceptRequest) throws -> AcceptOutcome {
        var refused: (Refusal, invitee: String)?
        do {
            return try accepting(request) { refused = ($0, $1) }
        } catch {
            // The invitee hears what any unusable token gets; the log says which rule refused.
            if let refused { recordRefusal(refused.0, actor: refused.invitee, action: "invitation.accept", target: refused.invitee) }
            throw error
        }
    }

    private func accepting(_ request: AcceptRequest, refusedBy: (Refusal, String) -> Void) throws -> AcceptOutcome {
        try writing {
            let now = now()
            if let bound = try db.first(HotQueries.memberByLogin, [request.login], { try RowMapping.member($0) }) {
                throw TeamError.conflict(bound.isActive
                    ? "login '\(request.login)' is already bound to member \(bound.email); a login joins a workspace once"
                    : "login '\(request.login)' is bound to deactivated member \(bound.email); ask an admin to reactivate them instead")
            }
            // Malformed, unknown, used, revoked and expired: one answer for all.
            guard let token = InvitationToken.parse(request.token),
                  let invitation = try db.first(HotQueries.invitationByTokenHash,
                                                [SQLValue.blob(token.hash)], { try invitation($0) }),
                  InvitationLifecycle.refusal(.accept, effective(invitation)) == nil
            else { throw TeamError.notFound(InvitationRules.unusableToken) }
            // Same words as any unusable token; the invitation stays pending, so a re-invite works.
            if let refusal = try inviterRefusal(invitation) {
                refusedBy(refusal, invitation.email.value)
                throw TeamError.notFound(InvitationRules.unusableToken)
            }
            try requireNotMember(invitation.email)
            do {
                try requireSeats(.join, now: now)
            } catch TeamError.refused(let refusal) {
                // Not the token's fault: it stays usable, so say so.
                throw TeamError.refused(Refusal(rule: refusal.rule,
                    message: refusal.message + "; ask an admin, then accept again (your token still works until it expires)"))
            }
            // Exactly one pending, unexpired row changes, whatever else runs at the same time.
            try db.run(HotQueries.acceptPendingToken, [SQLValue.blob(token.hash), now.seconds])
            guard db.changes == 1 else { throw TeamError.notFound(InvitationRules.unusableToken) }

            let name = try request.name ?? DisplayName(String(invitation.email.value.prefix { $0 != "@" }))
            let member = try insertMember(email: invitation.email, name: name, role: invitation.role,
                                          login: request.login, status: .active)
            try db.run("UPDATE invitations SET accepted_member_id = ? WHERE id = ?", [member.id, invitation.id])
            var assigned: [PhoneNumber] = []
            var skipped: [PhoneNumber] = []
            for entry in try invitationInboxes(invitation.id) {
                guard let phone = try? PhoneNumber(entry.phone) else { continue }
                if let inboxID = entry.inboxID {
                    try db.run("INSERT OR IGNORE INTO assignments (member_id, inbox_id) VALUES (?, ?)", [member.id, inboxID])
                    assigned.append(phone)
                } else {
                    skipped.append(phone)
                }
            }
            try cancelQueuedMail(invitation: invitation.id, reason: "the invitation was accepted before its mail went out")
            try appendAudit(actor: member.email.value, action: "invitation.accept", target: member.email.value,
                            after: [("invitation", .int(invitation.id)), ("role", .string(member.role.rawValue)),
                                    ("login", .string(request.login)), ("name", .string(member.name)),
                                    ("inboxes", .array(assigned.map { .string($0.value) })),
                                    ("skipped_inboxes", .array(skipped.map { .string($0.value) }))])
            return AcceptOutcome(member: member, workspaceName: try workspaceName(), inboxes: assigned,
                                 skippedInboxes: skipped)
        }
    }

    /// The guard's answer, now, to the inviter giving this invitation's role
    /// and inboxes: a token carries its inviter's authority only while they
    /// still have it (demoted, deactivated or removed since: refused).
    func inviterRefusal(_ invitation: Invitation) throws -> Refusal? {
        guard let inviterID = invitation.invitedBy,
              let inviter = try db.first("SELECT \(RowMapping.memberColumns) FROM members WHERE id = ?", [inviterID],
                                         { try RowMapping.member($0) }) else {
            return Refusal(rule: .deactivated, message: "the inviter is no longer a member")
        }
        let permissions = EffectivePermissions.compute(try sources(of: inviter), matrix: try loadMatrix())
        let assigned = Set(try db.all(HotQueries.inboxIDsOfMember, [inviter.id, inviter.id]) { $0.int(0) })
        let actor = ActorFacts(id: inviter.id, role: inviter.role, status: inviter.status, permissions: permissions,
                               assignedInboxes: assigned)
        let inboxes = try invitationInboxes(invitation.id).compactMap { entry in
            try entry.inboxID.flatMap { id in
                try db.first("SELECT \(RowMapping.inboxColumns) FROM inboxes WHERE id = ?", [id]) { try RowMapping.inbox($0) }
            }
        }
        return Guard.check(.invite(role: invitation.role, inboxes: inboxes.map(Self.facts)), by: actor,
                           in: try workspaceFacts()).refusal
    }
}
