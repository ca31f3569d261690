import TeamCore
import TeamMail

/// Members and invitations found by mailbox, not by spelling: an address
/// whose domain is written in Unicode (`ann@bücher.example`) and the same one
/// in its ASCII form (`ann@xn--bcher-kva.example`) reach one person, so a
/// lookup by either finds a row stored under the other (the rule is
/// `MailAddress.mailbox`). Addresses are stored as typed; every lookup by
/// email goes through here, so invite, accept, import and every member
/// command agree whichever front end built the address.
///
/// The exact spelling is tried first (the usual case, one index seek). Only
/// when it misses are the rows with the same part before `@` read (a range
/// of the email index, a row or two) and compared by mailbox; comparing a
/// column of keys instead would need every old file rewritten.
extension SQLiteWorkspace {
    /// `email >= lower AND email < upper` selects every address whose part
    /// before `@` is `email`'s: `@` is U+0040 and `A` the next code point,
    /// and SQLite compares text by its UTF-8 bytes.
    static func localPartRange(_ email: EmailAddress) -> (lower: String, upper: String) {
        let local = email.value.prefix { $0 != "@" }
        return (local + "@", local + "A")
    }

    func memberRow(email: EmailAddress) throws -> Member? {
        if let exact = try db.first(HotQueries.memberByEmail, [email.value], { try RowMapping.member($0) }) {
            return exact
        }
        let range = Self.localPartRange(email)
        let mailbox = MailAddress.mailbox(email)
        return try db.all(HotQueries.membersByLocalPart, [range.lower, range.upper]) { try RowMapping.member($0) }
            .first { MailAddress.mailbox($0.email) == mailbox }
    }

    /// The invitation for `email` that can still be accepted, if any.
    func livePendingInvitation(_ email: EmailAddress, now: Timestamp) throws -> Invitation? {
        if let exact = try db.first(HotQueries.livePendingInvitationForEmail, [email.value, now.seconds], { try invitation($0) }) {
            return exact
        }
        let range = Self.localPartRange(email)
        return try sameMailbox(email, in: db.all(HotQueries.livePendingInvitationsByLocalPart,
                                                 [range.lower, range.upper, now.seconds]) { try invitation($0) })
    }

    /// The most recent invitation for `email`, a pending one first.
    func latestInvitation(_ email: EmailAddress) throws -> Invitation? {
        if let exact = try db.first(HotQueries.latestInvitationForEmail, [email.value], { try invitation($0) }) {
            return exact
        }
        let range = Self.localPartRange(email)
        return try sameMailbox(email, in: db.all(HotQueries.latestInvitationsByLocalPart, [range.lower, range.upper]) {
            try invitation($0)
        })
    }

    /// The first of `invitations` (already in the order wanted) to `email`'s mailbox.
    private func sameMailbox(_ email: EmailAddress, in invitations: [Invitation]) -> Invitation? {
        let mailbox = MailAddress.mailbox(email)
        return invitations.first { MailAddress.mailbox($0.email) == mailbox }
    }
}
