import TermUI

/// Where everything goes for a terminal size: computed in one place so the
/// keys (page size, clicks) and the drawing agree.
struct Layout: Equatable {
    var header: Rect
    var status: Rect
    var footer: Rect
    /// The list pane (members, or inboxes on the inboxes screen), border included.
    var list: Rect?
    /// The side pane (a member's inboxes, or an inbox's members), border included.
    var side: Rect?
    /// True when the terminal is too small for anything but a note.
    var tooSmall: Bool

    static let minimumSize = Size(cols: 16, rows: 4)

    static func compute(_ state: AppState) -> Layout {
        let size = state.size
        let tooSmall = size.cols < minimumSize.cols || size.rows < minimumSize.rows
        let header = Rect(x: 0, y: 0, width: size.cols, height: 1)
        let footer = Rect(x: 0, y: size.rows - 1, width: size.cols, height: 1)
        let status = Rect(x: 0, y: size.rows - 2, width: size.cols, height: 1)
        let body = Rect(x: 0, y: 1, width: size.cols, height: max(0, size.rows - 3))
        guard !tooSmall else {
            return Layout(header: header, status: status, footer: footer, list: nil, side: nil, tooSmall: true)
        }
        // Narrow terminals show one pane: the focused one.
        if size.cols < 70 {
            let single = body
            return state.focus == .members
                ? Layout(header: header, status: status, footer: footer, list: single, side: nil, tooSmall: false)
                : Layout(header: header, status: status, footer: footer, list: nil, side: single, tooSmall: false)
        }
        let sideWidth = min(48, max(32, size.cols * 3 / 8))
        let (list, side) = body.splitColumns(body.width - sideWidth)
        return Layout(header: header, status: status, footer: footer, list: list, side: side, tooSmall: false)
    }

    /// Data rows visible in the list pane (inside the border, under the column heads,
    /// above the filter line).
    static func listRows(_ state: AppState) -> Int {
        let layout = compute(state)
        guard let list = layout.list else {
            // One-pane mode on the side: keep paging sensible.
            return max(1, state.size.rows - 6)
        }
        return MemberListView.geometry(innerHeight: list.height - 2, state).rows
    }

    /// Rows visible in the side pane's list.
    static func sideRows(_ state: AppState) -> Int {
        let layout = compute(state)
        let pane = layout.side ?? layout.list ?? Rect(x: 0, y: 0, width: 0, height: 0)
        return max(1, pane.height - 3)
    }
}
