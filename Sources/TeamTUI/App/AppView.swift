import TeamCore
import TermText
import TermUI

/// Pure drawing of the whole screen from the state, feature by feature.
public enum AppView {
    public static func render(_ state: AppState) -> Frame {
        var grid = Grid(size: state.size)
        let layout = state.layout
        if layout.tooSmall {
            // The note wraps to the width there is, so it is never cut.
            let minimum = Layout.minimumSize
            let note = "clerk-team: enlarge the terminal to at least \(minimum.cols)x\(minimum.rows)"
            for (row, line) in TerminalText.wrap(note, toWidth: state.size.cols).prefix(state.size.rows).enumerated() {
                grid.put(line, x: 0, y: row, style: Style(.warning))
            }
            return Frame(grid: grid)
        }
        var cursor: Frame.Cursor?
        drawHeader(state, &grid, layout.header)
        if let reason = state.lostAccess {
            AccessWatch.draw(state, reason, &grid)
            drawStatus(state, &grid, layout.status)
            Footer.draw(state, &grid, layout.footer)
            return Frame(grid: grid)
        }
        switch state.screen {
        case .members:
            if let list = layout.list { cursor = MemberList.draw(state, &grid, list) }
            if let side = layout.side { InboxPane.draw(state, &grid, side) }
        case .inboxes where state.thread != nil:
            ThreadScreen.draw(state, &grid)
        case .inboxes where state.threads != nil:
            if let list = layout.list { ThreadsScreen.drawList(state, &grid, list) }
            if let side = layout.side { ThreadsScreen.drawDetail(state, &grid, side) }
            if layout.list == nil, let side = layout.side { ThreadsScreen.drawList(state, &grid, side) }
        case .inboxes:
            if let list = layout.list { InboxesScreen.drawList(state, &grid, list) }
            if let side = layout.side { InboxesScreen.drawMembers(state, &grid, side) }
            if layout.list == nil, let side = layout.side { InboxesScreen.drawList(state, &grid, side) }
        case .groups:
            if let list = layout.list { GroupsScreen.drawList(state, &grid, list) }
            if let side = layout.side { GroupsScreen.drawDetail(state, &grid, side) }
            if layout.list == nil, let side = layout.side { GroupsScreen.drawList(state, &grid, side) }
        case .roles:
            if let list = layout.list { RolesScreen.drawMatrix(state, &grid, list) }
            if let side = layout.side { RolesScreen.drawFindings(state, &grid, side) }
            if layout.list == nil, let side = layout.side { RolesScreen.drawMatrix(state, &grid, side) }
        case .audit:
            if let list = layout.list { AuditScreen.drawList(state, &grid, list) }
            if let side = layout.side { AuditScreen.drawDetail(state, &grid, side) }
            if layout.list == nil, let side = layout.side { AuditScreen.drawList(state, &grid, side) }
        case .billing:
            if let list = layout.list { BillingScreen.draw(state, &grid, list) } else if let side = layout.side {
                BillingScreen.draw(state, &grid, side)
            }
        case .contacts:
            if let list = layout.list { ContactsScreen.drawList(state, &grid, list) }
            if let side = layout.side { ContactsScreen.drawDetail(state, &grid, side) }
            if layout.list == nil, let side = layout.side { ContactsScreen.drawList(state, &grid, side) }
        case .review:
            // One wide list: the report's lines are long.
            if let area = layout.reviewArea { ReviewScreen.draw(state, &grid, area) }
        case .invitations:
            if let list = layout.list { InvitationsScreen.drawList(state, &grid, list) }
            if let side = layout.side { InvitationsScreen.drawDetail(state, &grid, side) }
            if layout.list == nil, let side = layout.side { InvitationsScreen.drawList(state, &grid, side) }
        }
        drawStatus(state, &grid, layout.status)
        Footer.draw(state, &grid, layout.footer)
        switch state.modal {
        case .help(let window): HelpWindow.draw(state, window, &grid); cursor = nil
        case .detail(let window): MemberWindow.draw(state, window, &grid); cursor = nil
        case .messages(let log): MessageLog.draw(state, log, &grid); cursor = nil
        case .prompt(let prompt): cursor = Prompt.draw(state, prompt, &grid)
        case .grants(let window): GroupGrants.draw(state, window, &grid); cursor = nil
        case .palette(let palette): cursor = Palette.draw(state, palette, &grid)
        case .who: WhoWindow.draw(state, &grid); cursor = nil
        case .rolePicker(let picker): RolePicker.draw(state, picker, &grid); cursor = nil
        case .confirm(let question): cursor = Confirmation.draw(state, question, &grid)
        case .invite(let form): cursor = InviteForm.draw(state, form, &grid)
        case nil: break
        }
        return Frame(grid: grid, cursor: cursor)
    }

    static func drawHeader(_ state: AppState, _ grid: inout Grid, _ rect: Rect) {
        grid.fill(rect, style: Style(.header))
        grid.put(headerLine(state).fitted(width: rect.width, separator: " \(state.glyphs.vertical) ", ellipsis: state.glyphs.ellipsis),
                 x: rect.x, y: rect.y, style: Style(.header, bold: true))
    }

    /// What the header says, each part with how much it matters: being
    /// read-only and who else is here outlast the program's name and the counts.
    static func headerLine(_ state: AppState) -> HeaderLine {
        var line = HeaderLine()
        line.add("clerk-team", keep: 0)
        if let viewed = state.session?.viewingAs {
            // First, where it cannot be cut off: this is not your own view.
            line.add("VIEWING AS \(viewed) (read-only)", short: "AS \(viewed) (read-only)", keep: .max)
        }
        guard let session = state.session else {
            line.add("loading\(state.glyphs.ellipsis)", keep: .max)
            if let reason = state.readOnly { line.add(reason.label, keep: .max) }
            return line
        }
        let op = session.operatorContext.member
        line.add(session.workspaceName, keep: 3)
        // Locked out (deactivated, removed, the file gone): nothing more of the workspace, its counts included.
        if state.lostAccess != nil { return line }
        line.add("\(op.name) (\(op.role.rawValue))", short: op.name, keep: 5)
        line.add("\(session.memberCount) members", keep: 1)
        // Only for those who may see billing: the store leaves it out for the others.
        if let seats = session.seats?.label { line.add(seats, keep: 2) }
        if !state.members.marked.isEmpty { line.add("\(state.members.marked.count) marked", keep: 6) }
        if !state.presence.isEmpty {
            line.add("\(state.presence.count) more here (w)", short: "+\(state.presence.count) here", keep: 7)
        }
        if session.viewingAs == nil, let reason = state.readOnly { line.add(reason.label, keep: .max) }
        return line
    }

    static func drawStatus(_ state: AppState, _ grid: inout Grid, _ rect: Rect) {
        guard let status = state.status else { return }
        let role: StyleRole = switch status.kind {
        case .info: .normal
        case .success: .success
        case .error: .danger
        }
        grid.put(TerminalText.truncate(" " + status.text, toWidth: rect.width, ellipsis: state.glyphs.ellipsis),
                 x: rect.x, y: rect.y, style: Style(role))
    }
}
