import JSONText
import TeamCore

/// The `--json` shapes of invitations and mail. Keys appear in this order, always.
extension JSONViews {
    static func invitation(_ summary: InvitationSummary) -> JSONText.Value {
        var value = invitation(summary.invitation)
        if case .object(var pairs) = value {
            pairs.insert(("invited_by", JSONText.Value(summary.invitedByEmail?.value)), at: 5)
            pairs.append(("mail", JSONText.Value(summary.mail?.rawValue)))
            pairs.append(("mail_error", JSONText.Value(summary.mailError)))
            value = .object(pairs)
        }
        return value
    }

    static func invitation(_ invitation: Invitation) -> JSONText.Value {
        .object([
            ("id", .int(invitation.id)),
            ("email", .string(invitation.email.value)),
            ("role", .string(invitation.role.rawValue)),
            ("inboxes", .array(invitation.inboxes.map { .string($0.value) })),
            ("status", .string(invitation.status.rawValue)),
            ("created_at", .string(invitation.createdAt.iso8601)),
            ("expires_at", .string(invitation.expiresAt.iso8601)),
        ])
    }

    static func mail(_ entry: MailStatusEntry) -> JSONText.Value {
        .object([
            ("id", .int(entry.id)),
            ("invitation", entry.invitationID.map { .int($0) } ?? .null),
            ("to", .string(entry.recipient)),
            ("subject", .string(entry.subject)),
            ("state", .string(entry.state.rawValue)),
            ("attempts", .int(Int64(entry.attempts))),
            ("created_at", .string(entry.createdAt.iso8601)),
            ("next_attempt_at", entry.state == .queued ? .string(entry.nextAttemptAt.iso8601) : .null),
            ("sent_at", JSONText.Value(entry.sentAt?.iso8601)),
            ("last_error", JSONText.Value(entry.lastError)),
            ("queued_by", .string(entry.queuedBy)),
        ])
    }
}
