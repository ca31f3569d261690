import Foundation
import TeamCore

/// Listing invitations (`invites list`, the TUI's pending list).
extension SQLiteWorkspace {
    public func invitationListing(status: InvitationStatus?) throws -> InvitationListing {
        try reading {
            let op = try resolveOperator()
            try check(.readWorkspace, op)
            let now = now()
            // Only inboxes the operator can see are named, as everywhere else.
            let visible = Dictionary(uniqueKeysWithValues: try visibleInboxes(op).map { ($0.id, $0.phone) })
            var inboxes: [Int64: [PhoneNumber]] = [:]
            try db.query("SELECT invitation_id, inbox_id FROM invitation_inboxes WHERE inbox_id IS NOT NULL ORDER BY phone") { row in
                if let phone = visible[row.int(1)] { inboxes[row.int(0), default: []].append(phone) }
            }
            let columns = Self.invitationColumns.split(separator: ",").map { "i." + $0.trimmingCharacters(in: .whitespaces) }
            var problems: [String] = []
            // A row edited by hand into something unreadable is named, not allowed to hide the rest.
            let rows = try db.all("""
                SELECT \(columns.joined(separator: ", ")), m.email,
                       (SELECT o.status FROM outbox o WHERE o.invitation_id = i.id ORDER BY o.id DESC LIMIT 1),
                       (SELECT o.last_error FROM outbox o WHERE o.invitation_id = i.id ORDER BY o.id DESC LIMIT 1)
                FROM invitations i LEFT JOIN members m ON m.id = i.invited_by
                ORDER BY i.id DESC
                """) { row -> InvitationSummary? in
                var invitation: Invitation
                do {
                    invitation = try self.invitation(row)
                } catch {
                    problems.append("\(error)")
                    return nil
                }
                invitation.status = InvitationRules.effectiveStatus(invitation.status, expiresAt: invitation.expiresAt, now: now)
                invitation.inboxes = inboxes[invitation.id] ?? []
                return InvitationSummary(invitation: invitation, invitedByEmail: row.optionalText(7).flatMap { try? EmailAddress($0) },
                                         mail: row.optionalText(8).flatMap(MailState.init(rawValue:)),
                                         mailError: row.optionalText(9))
            }.compactMap { $0 }.filter { status == nil || $0.invitation.status == status }
            return InvitationListing(invitations: rows, problems: problems)
        }
    }
}
