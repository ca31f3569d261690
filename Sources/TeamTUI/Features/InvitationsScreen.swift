import TeamCore
import TermText
import TermUI

/// Every invitation, newest first (effective status: past expiry reads expired).
public struct InvitationsState: Equatable {
    public var all: [InvitationSummary] = []
    public var list = ListState()

    public init() {}

    public var selected: InvitationSummary? { all.indices.contains(list.selection) ? all[list.selection] : nil }
}

/// The invitations view: resend and revoke, each allowed by the guard and
/// by the core's lifecycle rule for the invitation's state.
enum InvitationsScreen {
    static let actions: [ActionSpec] = [
        ActionSpec(.resendInvitation, keys: [k("r")], scopes: [.invitationList], label: "resend",
                   help: "Resend the selected invitation: new token and expiry, the old token dies", priority: 1,
                   availability: { availability($0, .resend) }) { state, _ in
            guard let invitation = state.invitations.selected?.invitation else { return [] }
            return [.perform(.resendInvitation(.id(invitation.id)))]
        },
        ActionSpec(.revokeInvitation, keys: [k("x")], scopes: [.invitationList], label: "revoke",
                   help: "Revoke the selected pending or expired invitation (asks y/N)", priority: 1,
                   availability: { availability($0, .revoke) }) { state, _ in
            guard let invitation = state.invitations.selected?.invitation else { return [] }
            state.modal = .confirm(Confirmation.revoking(invitation))
            return []
        },
    ]

    /// The guard decides whether the operator may manage invitations at all;
    /// the core's lifecycle rule whether this one can be resent or revoked.
    static func availability(_ state: AppState, _ change: InvitationChange) -> Availability {
        let permitted = Ask.availability(.manageInvitation, state)
        guard permitted.isEnabled else { return permitted }
        guard let invitation = state.invitations.selected?.invitation else { return .disabled(reason: "no invitation selected") }
        if let refusal = InvitationLifecycle.refusal(change, invitation) { return .disabled(reason: refusal.message) }
        return .enabled
    }

    static func drawList(_ state: AppState, _ grid: inout Grid, _ rect: Rect) {
        let invitations = state.invitations
        let pending = invitations.all.filter { $0.invitation.status == .pending }.count
        let inner = Panel(title: "Invitations (\(pending) pending of \(invitations.all.count))", focused: true)
            .draw(&grid, rect, glyphs: state.glyphs)
        guard inner.width > 0, inner.height > 1 else { return }
        let emailWidth = max(8, inner.width - 10 - 9 - 11 - 7 - 4)
        let table = Table(columns: [Column("EMAIL", emailWidth), Column("ROLE", 10), Column("STATUS", 9),
                                    Column("EXPIRES", 11), Column("MAIL", 7)])
        table.draw(&grid, inner, glyphs: state.glyphs, count: invitations.all.count, list: invitations.list) { index in
            let summary = invitations.all[index]
            let invitation = summary.invitation
            var style = Style(invitation.status == .pending ? .normal : .muted)
            if summary.mailError != nil { style = Style(.warning) }
            if index == invitations.list.selection { style = Style(.selection) }
            let email = TerminalText.shortenEmail(TerminalText.sanitize(invitation.email.value), toWidth: emailWidth,
                                                  ellipsis: state.glyphs.ellipsis)
            return TableRow([email, invitation.role.rawValue, invitation.status.rawValue,
                             String(invitation.expiresAt.iso8601.prefix(10)), summary.mail?.rawValue ?? "-"], style: style)
        }
        if invitations.all.isEmpty {
            grid.put("no invitations yet: press i to invite someone", x: inner.x, y: inner.y + 1,
                     style: Style(.muted), maxWidth: inner.width)
        }
    }

    static func drawDetail(_ state: AppState, _ grid: inout Grid, _ rect: Rect) {
        let inner = Panel(title: "Invitation", focused: false).draw(&grid, rect, glyphs: state.glyphs)
        guard inner.width > 12, inner.height > 0, let summary = state.invitations.selected else { return }
        let invitation = summary.invitation
        var lines: [(String, String)] = [
            ("Number", "#\(invitation.id)"), ("Email", invitation.email.value), ("Role", invitation.role.rawValue),
            ("Status", invitation.status.rawValue), ("Invited by", summary.invitedByEmail?.value ?? "-"),
            ("Created", invitation.createdAt.iso8601), ("Expires", invitation.expiresAt.iso8601),
            ("Mail", summary.mail?.rawValue ?? "none queued"),
        ]
        if let error = summary.mailError { lines.append(("Mail error", error)) }
        lines.append(("Inboxes", invitation.inboxes.isEmpty ? "(none)" : ""))
        for phone in invitation.inboxes { lines.append(("", phone.value)) }
        // Whole addresses: long values wrap onto the next lines.
        let wrapped = lines.flatMap { label, value in
            TerminalText.wrap(TerminalText.sanitize(value), toWidth: inner.width - 12).enumerated().map { ($0 == 0 ? label : "", $1) }
        }
        for (row, line) in wrapped.prefix(inner.height).enumerated() {
            grid.putCell(line.0, x: inner.x, y: inner.y + row, width: 11, style: Style(.muted), glyphs: state.glyphs)
            grid.putCell(line.1, x: inner.x + 12, y: inner.y + row, width: inner.width - 12, style: .normal, glyphs: state.glyphs)
        }
    }
}
