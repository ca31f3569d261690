import TeamCore
import TermText
import TermUI

/// What to draw: the grid and where the text cursor goes (when typing).
public struct Frame: Equatable {
    public var grid: Grid
    public var cursor: Cursor?

    public struct Cursor: Equatable { public var x: Int; public var y: Int }
}

/// Pure drawing of the whole screen from the state.
public enum AppView {
    public static func render(_ state: AppState) -> Frame {
        var grid = Grid(size: state.size)
        var cursor: Frame.Cursor?
        let layout = Layout.compute(state)
        if layout.tooSmall {
            grid.put(TerminalText.truncate("clerk-team: enlarge the terminal (at least \(Layout.minimumSize.cols)x\(Layout.minimumSize.rows))",
                                           toWidth: state.size.cols, ellipsis: state.glyphs.ellipsis),
                     x: 0, y: 0, style: Style(.warning))
            return Frame(grid: grid, cursor: nil)
        }
        drawHeader(state, &grid, layout.header)
        switch state.screen {
        case .members:
            if let list = layout.list { cursor = MemberListView.draw(state, &grid, list) }
            if let side = layout.side { InboxPaneView.draw(state, &grid, side) }
        case .inboxes:
            if let list = layout.list { InboxScreenView.drawList(state, &grid, list) }
            if let side = layout.side { InboxScreenView.drawMembers(state, &grid, side) }
            if layout.list == nil, let side = layout.side { InboxScreenView.drawList(state, &grid, side) }
        case .invitations:
            if let list = layout.list { InvitationsView.drawList(state, &grid, list) }
            if let side = layout.side { InvitationsView.drawDetail(state, &grid, side) }
            if layout.list == nil, let side = layout.side { InvitationsView.drawList(state, &grid, side) }
        }
        drawStatus(state, &grid, layout.status)
        FooterView.draw(state, &grid, layout.footer)
        if state.modal != nil {
            cursor = ModalView.draw(state, &grid)
        }
        return Frame(grid: grid, cursor: cursor)
    }

    static func drawHeader(_ state: AppState, _ grid: inout Grid, _ rect: Rect) {
        grid.fill(rect, style: Style(.header))
        var parts = ["clerk-team"]
        if let session = state.session {
            let op = session.operatorContext.member
            parts.append(session.workspaceName)
            parts.append("\(op.name) (\(op.role.rawValue))")
            parts.append("\(session.memberCount) members")
        } else {
            parts.append("loading…")
        }
        if state.readOnly { parts.append("READ-ONLY") }
        let text = " " + parts.joined(separator: " \(state.glyphs.vertical) ")
        grid.put(TerminalText.truncate(text, toWidth: rect.width, ellipsis: state.glyphs.ellipsis),
                 x: rect.x, y: rect.y, style: Style(.header, bold: true))
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

/// Small helpers shared by the panes.
enum Draw {
    /// Puts `text` padded/truncated to exactly `width` cells.
    static func cell(_ grid: inout Grid, _ text: String, x: Int, y: Int, width: Int, style: Style, glyphs: Glyphs) {
        guard width > 0 else { return }
        grid.put(TerminalText.pad(TerminalText.sanitize(text), toWidth: width, ellipsis: glyphs.ellipsis),
                 x: x, y: y, style: style, maxWidth: width)
    }

    /// Columns laid out left to right with one space between them.
    static func row(_ grid: inout Grid, _ columns: [(String, Int)], x: Int, y: Int, width: Int, style: Style, glyphs: Glyphs) {
        grid.fill(Rect(x: x, y: y, width: width, height: 1), style: style)
        var column = x
        for (text, cells) in columns where cells > 0 && column < x + width {
            let room = min(cells, x + width - column)
            cell(&grid, text, x: column, y: y, width: room, style: style, glyphs: glyphs)
            column += room + 1
        }
    }
}
