import TeamCore
import TeamMail

/// Bulk invitations: every row is checked (guard, inboxes, members, pending
/// invitations, duplicates in the file, seats) before anything is written;
/// then all are invited in the one transaction, or none.
extension SQLiteWorkspace {
    public func importInvitations(_ rows: [InvitationRow], dryRun: Bool) throws -> ImportReport {
        var actor: OperatorContext?
        do {
            return try importing(rows, dryRun: dryRun) { actor = $0 }
        } catch TeamError.refused(let refusal) {
            recordRefusal(refusal, by: actor, action: "invitation.import", target: "\(rows.count) rows")
            throw TeamError.refused(refusal)
        }
    }

    private func importing(_ rows: [InvitationRow], dryRun: Bool,
                           resolved: (OperatorContext) -> Void) throws -> ImportReport {
        // A dry run writes nothing, so it only reads: it works under --read-only and --view-as too.
        if dryRun { return try reading { try importing(rows, dryRun: true, SpoolBatch(), resolved: resolved) } }
        return try writingWithSpool { spool in try importing(rows, dryRun: false, spool, resolved: resolved) }
    }

    private func importing(_ rows: [InvitationRow], dryRun: Bool, _ spool: SpoolBatch,
                           resolved: (OperatorContext) -> Void) throws -> ImportReport {
        do {
            let op = try resolveOperator()
            resolved(op)
            // One refusal for the whole file rather than the same one per row.
            try check(.manageInvitation, op)
            let context = try inviteContext(op)
            let facts = try workspaceFacts()
            var errors: [LineError] = []
            // By mailbox: a file listing ann@bücher.example and ann@xn--bcher-kva.example lists her twice.
            var firstLine: [String: Int] = [:]
            var inboxCache: [PhoneNumber: Inbox?] = [:]
            var planned: [(row: InvitationRow, inboxes: [Inbox])] = []
            for row in rows {
                let mailbox = MailAddress.mailbox(row.email)
                if let line = firstLine[mailbox] {
                    errors.append(LineError(line: row.line, message: "\(row.email) is already invited on line \(line) of this file"))
                    continue
                }
                firstLine[mailbox] = row.line
                let rowErrors = try problems(of: row, op, facts, context.now, &inboxCache)
                if rowErrors.messages.isEmpty {
                    planned.append((row, rowErrors.inboxes))
                } else {
                    errors += rowErrors.messages.map { LineError(line: row.line, message: $0) }
                }
            }
            if let refusal = SeatRule.refusal(.invite(count: planned.count, replacing: 0), try seatUsage(now: context.now)) {
                errors.append(LineError(line: 0, message: refusal.description))
            }
            guard errors.isEmpty, !dryRun else {
                return ImportReport(rows: rows, errors: errors.sorted(), applied: false, queuedMail: [])
            }
            var mails: [MailID] = []
            mails.reserveCapacity(planned.count)
            for entry in planned {
                let created = try createInvitation(email: entry.row.email, role: entry.row.role, inboxes: entry.inboxes,
                                                   context, spool, replacing: nil)
                mails.append(created.mail)
            }
            return ImportReport(rows: rows, errors: [], applied: true, queuedMail: mails)
        }
    }

    /// What is wrong with one row against the workspace (nothing: the inboxes it names).
    private func problems(of row: InvitationRow, _ op: OperatorContext, _ facts: WorkspaceFacts, _ now: Timestamp,
                          _ cache: inout [PhoneNumber: Inbox?]) throws -> (messages: [String], inboxes: [Inbox]) {
        var messages: [String] = []
        var inboxes: [Inbox] = []
        for phone in row.inboxes {
            if cache[phone] == nil { cache[phone] = .some(try inboxRow(phone: phone)) }
            if let inbox = cache[phone] ?? nil {
                inboxes.append(inbox)
            } else {
                messages.append(Guard.noSuchInbox(phone.value))
            }
        }
        if messages.isEmpty,
           case .refused(let refusal) = Guard.check(.invite(role: row.role, inboxes: inboxes.map(Self.facts)), by: op.facts, in: facts) {
            // A hidden inbox reads exactly like a missing one.
            messages.append(refusal.rule == .visibility ? refusal.message : refusal.description)
        }
        if let member = try memberRow(email: row.email) {
            messages.append(member.isActive
                ? "\(row.email) is already an active member"
                : "\(row.email) is a deactivated member; reactivate them instead")
        } else if let pending = try livePendingInvitation(row.email, now: now) {
            messages.append("\(row.email) already has pending invitation #\(pending.id); resend it with: clerk-team invites resend \(row.email)")
        }
        return (messages, inboxes)
    }
}
