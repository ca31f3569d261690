import TeamCore
import TermText
import TermUI

/// The invitations screen: every invitation with its status, expiry and mail.
enum InvitationsView {
    static func drawList(_ state: AppState, _ grid: inout Grid, _ rect: Rect) {
        let pending = state.invitations.filter { $0.invitation.status == .pending }.count
        grid.box(rect, glyphs: state.glyphs, style: Style(.accent),
                 title: "Invitations (\(pending) pending of \(state.invitations.count))")
        let inner = rect.inset(1)
        guard inner.width > 0, inner.height > 1 else { return }
        let emailWidth = max(8, inner.width - 10 - 9 - 11 - 7 - 4)
        Draw.row(&grid, [("EMAIL", emailWidth), ("ROLE", 10), ("STATUS", 9), ("EXPIRES", 11), ("MAIL", 7)],
                 x: inner.x, y: inner.y, width: inner.width, style: Style(.muted, bold: true), glyphs: state.glyphs)
        let rows = inner.height - 1
        let offset = ListScroll.offset(selection: state.invitationCursor,
                                       previousOffset: max(0, state.invitationCursor - rows + 1),
                                       visibleRows: rows, count: state.invitations.count)
        for line in 0..<rows {
            let index = offset + line
            guard index < state.invitations.count else { break }
            let summary = state.invitations[index]
            let invitation = summary.invitation
            var style = Style(invitation.status == .pending ? .normal : .muted)
            if summary.mailError != nil { style = Style(.warning) }
            if index == state.invitationCursor { style = Style(.selection) }
            Draw.row(&grid, [(invitation.email.value, emailWidth), (invitation.role.rawValue, 10),
                             (invitation.status.rawValue, 9), (String(invitation.expiresAt.iso8601.prefix(10)), 11),
                             (summary.mail?.rawValue ?? "-", 7)],
                     x: inner.x, y: inner.y + 1 + line, width: inner.width, style: style, glyphs: state.glyphs)
        }
        if state.invitations.isEmpty {
            grid.put("no invitations yet: press i to invite someone", x: inner.x, y: inner.y + 1,
                     style: Style(.muted), maxWidth: inner.width)
        }
    }

    static func drawDetail(_ state: AppState, _ grid: inout Grid, _ rect: Rect) {
        grid.box(rect, glyphs: state.glyphs, style: Style(.border), title: "Invitation")
        let inner = rect.inset(1)
        guard inner.width > 12, inner.height > 0, let summary = state.selectedInvitation else { return }
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
        for (row, line) in lines.prefix(inner.height).enumerated() {
            Draw.cell(&grid, line.0, x: inner.x, y: inner.y + row, width: 11, style: Style(.muted), glyphs: state.glyphs)
            Draw.cell(&grid, line.1, x: inner.x + 12, y: inner.y + row, width: inner.width - 12, style: .normal, glyphs: state.glyphs)
        }
    }
}
