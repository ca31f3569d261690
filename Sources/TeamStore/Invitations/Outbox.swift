import Foundation
import TeamCore
import TeamMail
#if canImport(Glibc)
import Glibc
#endif

/// The outbox: one row per mail (recipient, subject, state, retries) and
/// the message itself in the spool. Implements ``MailOutbox``.
extension SQLiteWorkspace: MailOutbox {
    /// Queues the invitation mail in the current transaction.
    func queueInvitationMail(_ invitation: Invitation, inboxes: [Inbox], token: InvitationToken,
                             _ context: InviteContext, _ spool: SpoolBatch) throws -> MailID {
        let content = InvitationMailContent(
            workspace: context.workspace, inviterName: context.op.member.name, inviterEmail: context.op.member.email,
            invitee: invitation.email, role: invitation.role, inboxes: inboxes, token: token.text,
            expiresAt: invitation.expiresAt, workspacePath: absolutePath)
        let text = InvitationMail.text(content)
        // The row comes first: its id is part of the Message-ID.
        try db.run("""
            INSERT INTO outbox (invitation_id, recipient, subject, spool_file, spool_offset, spool_length,
                                queued_by, status, created_at, next_attempt_at)
            VALUES (?, ?, ?, ?, 0, 0, ?, 'queued', ?, ?)
            """, [invitation.id, invitation.email.value, text.subject, spool.fileName,
                  identity.osLogin, context.now.seconds, context.now.seconds])
        let id = db.lastInsertRowID
        let messageID = InvitationMail.messageID(mail: id, unique: spool.fileName,
                                                 sender: mailSettings.from ?? context.op.member.email)
        let message: MailMessage
        do {
            message = try InvitationMail.message(content, text: text, from: mailSettings.from, date: context.now,
                                                messageID: messageID)
        } catch {
            throw TeamError.invalid(error)
        }
        let rendered = message.rendered()
        let place = spool.append(rendered)
        // The hash goes in with the row: a message swapped in the spool later no longer matches it.
        try db.run("UPDATE outbox SET spool_offset = ?, spool_length = ?, spool_sha256 = ? WHERE id = ?",
                   [place.offset, place.length, SQLValue.blob(InvitationToken.sha256(Array(rendered.utf8))), id])
        return id
    }

    /// The workspace path as the invitee should type it.
    var absolutePath: String {
        path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
    }

    func cancelQueuedMail(invitation id: Int64, reason: String) throws {
        try db.run("UPDATE outbox SET status = 'cancelled', last_error = ? WHERE invitation_id = ? AND status = 'queued'",
                   [reason, id])
    }

    public func mailQueue() throws -> [MailStatusEntry] {
        try reading {
            try db.all("""
                SELECT id, invitation_id, recipient, subject, status, attempts, created_at, next_attempt_at,
                       sent_at, last_error, queued_by, tampered
                FROM outbox ORDER BY id
                """) { row in
                MailStatusEntry(
                    id: row.int(0), invitationID: row.optionalInt(1), recipient: row.text(2), subject: row.text(3),
                    state: MailState(rawValue: row.text(4)) ?? .lost, attempts: Int(row.int(5)),
                    createdAt: Timestamp(seconds: row.int(6)), nextAttemptAt: Timestamp(seconds: row.int(7)),
                    sentAt: row.optionalInt(8).map { Timestamp(seconds: $0) }, lastError: row.optionalText(9),
                    queuedBy: row.text(10), tampered: row.int(11) != 0)
            }
        }
    }

    /// Leases due mails for one attempt each (see ``MailRetry/lease``) under
    /// the write lock, after cancelling mail whose token died and removing
    /// spool files nothing waits for any more; then reads and checks their
    /// messages with the lock released (a slow or hostile spool file must not
    /// hold every other operator's writes), and records what was wrong in a
    /// second short transaction. See ``SpoolCheck``.
    public func claimMail(_ selection: MailSelection) throws -> MailClaim {
        // A folder someone else controls is refused before anything is leased.
        try translating { try spool.checkFolder() }
        var (claim, leased) = try lease(selection)
        var problems: [(id: MailID, problem: SpoolCheck.Problem, attempts: Int)] = []
        for candidate in leased {
            switch SpoolCheck.message(candidate, in: spool) {
            case .success(let message):
                claim.mails.append(QueuedMail(id: candidate.id, recipient: candidate.recipient, message: message,
                                              attempt: candidate.attempts + 1))
            case .failure(let problem):
                problems.append((candidate.id, problem, candidate.attempts + 1))
            }
        }
        guard !problems.isEmpty else { return claim }
        try writing {
            let now = now().seconds
            for entry in problems {
                let retry = now + MailRetry.delay(afterFailedAttempt: entry.attempts)
                switch entry.problem {
                case .missing:
                    try db.run("UPDATE outbox SET status = 'lost', last_error = ? WHERE id = ? AND status = 'queued'",
                               ["the spooled message is missing; resend the invitation", entry.id])
                    claim.lost.append(entry.id)
                case .tampered(let why):
                    try db.run("UPDATE outbox SET tampered = 1, last_error = ?, next_attempt_at = ? WHERE id = ? AND status = 'queued'",
                               [MailRedaction.redact("tampered: \(why); not sent, resend the invitation"), retry, entry.id])
                    claim.tampered.append(entry.id)
                case .unreadable(let why):
                    // Counted as a failed attempt, so it shows in `mail status` and is retried.
                    try db.run("UPDATE outbox SET last_error = ?, next_attempt_at = ? WHERE id = ? AND status = 'queued'",
                               [MailRedaction.redact(why), retry, entry.id])
                    claim.skipped.append(entry.id)
                }
            }
        }
        return claim
    }

    /// The write-locked part of a claim: only rows change and spool file
    /// names are listed and unlinked; no spool file is opened here.
    private func lease(_ selection: MailSelection) throws -> (MailClaim, [SpoolCheck.Candidate]) {
        try writing {
            let now = now().seconds
            try db.run(HotQueries.cancelDeadMail, [now])
            try sweepSpool()
            let superuser = geteuid() == 0
            let dueLimit = selection.ignoreBackoff ? Int64.max : now
            var claim = MailClaim(mails: [], heldByOtherLogins: [:], lost: [])
            if !superuser && selection.afterID == 0 {
                try db.query("""
                    SELECT queued_by, count(*) FROM outbox
                    WHERE status = 'queued' AND next_attempt_at <= ? AND queued_by != ? GROUP BY queued_by
                    """, [dueLimit, identity.osLogin]) { claim.heldByOtherLogins[$0.text(0)] = Int($0.int(1)) }
            }
            // With an id filter the LIMIT is applied after filtering, in Swift.
            let sqlLimit = selection.ids == nil ? Int64(selection.limit) : -1
            var candidates = try db.all(HotQueries.dueMail, [dueLimit, selection.afterID, identity.osLogin, superuser, sqlLimit]) { row in
                SpoolCheck.Candidate(id: row.int(0), recipient: row.text(1), file: row.text(2), offset: row.int(3),
                                     length: row.int(4), attempts: Int(row.int(5)), sha256: row.optionalBlob(6),
                                     queuedBy: row.text(7))
            }
            if let ids = selection.ids { candidates = Array(candidates.filter { ids.contains($0.id) }.prefix(selection.limit)) }
            for candidate in candidates {
                try db.run("UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ? WHERE id = ?",
                           [now + MailRetry.lease, candidate.id])
            }
            return (claim, candidates)
        }
    }

    public func recordDelivery(_ id: MailID, _ outcome: DeliveryOutcome) throws {
        let done: (file: String, offset: Int64, length: Int64, lastOfFile: Bool)? = try writing {
            guard let row = try db.first("""
                SELECT recipient, invitation_id, spool_file, spool_offset, spool_length, attempts FROM outbox WHERE id = ?
                """, [id], { ($0.text(0), $0.optionalInt(1), $0.text(2), $0.int(3), $0.int(4), Int($0.int(5))) }) else {
                throw TeamError.notFound("no mail #\(id) in the outbox")
            }
            let now = now().seconds
            switch outcome {
            case .delivered(let detail):
                try db.run("UPDATE outbox SET status = 'sent', sent_at = ?, last_error = NULL, tampered = 0 WHERE id = ?", [now, id])
                try appendAudit(actor: nil, action: "mail.sent", target: row.0,
                                after: [("mail", .int(id)), ("invitation", row.1.map { .int($0) } ?? .null),
                                        ("via", .string(MailRedaction.redact(detail)))])
                let waiting = try db.scalarInt("SELECT count(*) FROM outbox WHERE spool_file = ? AND status = 'queued'", [row.2])
                return (row.2, row.3, row.4, waiting == 0)
            case .failed(let reason):
                try db.run("UPDATE outbox SET last_error = ?, next_attempt_at = ? WHERE id = ? AND status = 'queued'",
                           [MailRedaction.redact(reason), now + MailRetry.delay(afterFailedAttempt: row.5), id])
                return nil
            }
        }
        // After commit: the message's token must not outlive its delivery in the spool.
        if let done {
            if done.lastOfFile { spool.remove(done.file) } else { spool.erase(done.file, offset: done.offset, length: done.length) }
        }
    }

    /// Removes spool files no queued mail refers to (delivered, cancelled,
    /// or left by a transaction that never committed). Runs under the write
    /// lock, when no other transaction can be between spooling and commit.
    func sweepSpool() throws {
        let files = spool.fileNames()
        guard !files.isEmpty else { return }
        let wanted = Set(try db.all("SELECT DISTINCT spool_file FROM outbox WHERE status = 'queued'") { $0.text(0) })
        for file in files where !wanted.contains(file) { spool.remove(file) }
    }
}
