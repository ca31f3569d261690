import TeamCore
import TermText
import TermUI

/// Notices when another operator changes what this operator may do while
/// the interface is open: a deactivation or removal replaces the screens by
/// a notice at once (no stale rows); a role change is said in the status line.
enum AccessWatch {
    static func sessionLoaded(_ session: SessionSnapshot, _ state: inout AppState) -> [Effect] {
        let before = state.session?.operatorContext.member
        let now = session.operatorContext.member
        state.session = session
        if now.status == .deactivated {
            lose(deactivated, &state)
            return []
        }
        if state.lostAccess != nil {
            state.lostAccess = nil
            state.status = StatusMessage("your access is back", .success)
            return [.reloadAll]
        }
        if let before, before.role != now.role {
            state.status = StatusMessage("your role is now \(now.role.rawValue) (was \(before.role.rawValue)); "
                                         + "the keys you see follow it", before.role.rank > now.role.rank ? .error : .info)
        }
        return []
    }

    static let deactivated = "You were deactivated in this workspace, so you can no longer see or change anything in it. "
        + "Ask a workspace-admin to reactivate you; this screen comes back by itself when they do."

    /// Forgets everything the workspace showed, keeping only why.
    static func lose(_ reason: String, status: String = "you lost access to this workspace", _ state: inout AppState) {
        state.lostAccess = reason
        state.modal = nil
        state.members = MemberListState()
        state.inboxes = InboxesState()
        state.invitations = InvitationsState()
        state.status = StatusMessage(status, .error)
    }

    static func draw(_ state: AppState, _ reason: String, _ grid: inout Grid) {
        let body = Rect(x: 0, y: 1, width: state.size.cols, height: max(0, state.size.rows - 3))
        let inner = Panel(title: "Workspace unavailable", focused: true).draw(&grid, body, glyphs: state.glyphs)
        guard inner.width > 0 else { return }
        for (row, line) in TerminalText.wrap(reason, toWidth: inner.width).prefix(inner.height).enumerated() {
            grid.put(line, x: inner.x, y: inner.y + row, style: row == 0 ? Style(.danger, bold: true) : .normal,
                     maxWidth: inner.width)
        }
    }
}
