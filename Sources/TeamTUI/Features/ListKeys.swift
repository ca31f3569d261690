import TeamCore
import TermUI

/// Moving in whichever list has focus, by keys and by the mouse.
enum ListKeys {
    static let lists: [Scope] = [.memberList, .inboxPane, .inboxList, .invitationList, .groupList, .roleMatrix, .auditList,
                                 .contactList, .threadList, .threadView, .reviewList]

    static let actions: [ActionSpec] = [
        ActionSpec(.moveDown, keys: [k("j"), k(.down)], scopes: lists, label: "down", help: "Move down",
                   inFooter: false) { state, _ in move(&state, by: 1) },
        ActionSpec(.moveUp, keys: [k("k"), k(.up)], scopes: lists, label: "up", help: "Move up",
                   inFooter: false) { state, _ in move(&state, by: -1) },
        ActionSpec(.pageDown, keys: [k(.pageDown), k(.ctrl("f")), k(.ctrl("d"))], scopes: lists, label: "page down",
                   help: "Page down", inFooter: false) { state, _ in move(&state, by: page(state)) },
        ActionSpec(.pageUp, keys: [k(.pageUp), k(.ctrl("b")), k(.ctrl("u"))], scopes: lists, label: "page up",
                   help: "Page up", inFooter: false) { state, _ in move(&state, by: -page(state)) },
        ActionSpec(.top, keys: [k("g"), k(.home)], scopes: lists, label: "top", help: "Jump to the first row",
                   inFooter: false) { state, _ in move(&state, by: Int.min / 2) },
        ActionSpec(.bottom, keys: [k("G"), k(.end)], scopes: lists, label: "bottom", help: "Jump to the last row",
                   inFooter: false) { state, _ in move(&state, by: Int.max / 2) },
        ActionSpec(.click, keys: [.click], scopes: [.anywhere], label: "select",
                   help: "Select the row under the pointer (and focus its pane)", inFooter: false) { state, key in
            guard case .mouseClick(let x, let y) = key else { return [] }
            return click(x: x, y: y, &state)
        },
        ActionSpec(.wheel, keys: [.wheel], scopes: [.anywhere], label: "scroll", help: "Scroll the list with focus",
                   inFooter: false) { state, key in
            guard case .mouseScroll(let down) = key else { return [] }
            return move(&state, by: down ? 3 : -3)
        },
    ]

    /// A page: the rows the focused list shows, less one kept for context.
    static func page(_ state: AppState) -> Int {
        switch Keymap.listScope(state) {
        case .memberList: max(1, state.layout.memberRows - 1)
        case .inboxPane: max(1, state.layout.sideRows - 1)
        case .threadView: ThreadScreen.page(state)
        case .reviewList: max(1, state.layout.reviewRows - 1)
        default: max(1, state.layout.listRows - 1)
        }
    }

    /// Moves the selection of the list with focus.
    static func move(_ state: inout AppState, by delta: Int) -> [Effect] {
        switch Keymap.listScope(state) {
        case .invitationList:
            state.invitations.list.move(by: delta, count: state.invitations.all.count, visibleRows: state.layout.listRows)
        case .inboxList:
            state.inboxes.list.move(by: delta, count: state.inboxes.all.count, visibleRows: state.layout.listRows)
        case .groupList:
            let before = state.groups.selected?.id
            state.groups.list.move(by: delta, count: state.groups.all.count, visibleRows: state.layout.listRows)
            if let group = state.groups.selected, group.id != before, let name = try? DisplayName(group.name) {
                return [.loadGroup(name)]
            }
        case .contactList:
            state.contacts.list.move(by: delta, count: state.contacts.shown.count, visibleRows: state.layout.listRows)
        case .billingView:
            return []
        case .auditList:
            state.audit.list.move(by: delta, count: state.audit.events.count, visibleRows: state.layout.listRows)
        case .reviewList:
            state.review.list.move(by: delta, count: state.review.lines.count, visibleRows: state.layout.reviewRows)
        case .roleMatrix:
            state.roles.list.move(by: delta, count: Permission.allCases.count, visibleRows: max(1, state.layout.listRows - 1))
        case .inboxPane:
            state.inboxes.pane.move(by: delta, count: state.inboxes.all.count, visibleRows: state.layout.sideRows)
        case .threadList:
            if var threads = state.threads {
                threads.list.move(by: delta, count: threads.all.count, visibleRows: state.layout.listRows)
                state.threads = threads
            }
        case .threadView:
            return ThreadScreen.move(&state, by: delta)
        default:
            state.members.list.move(by: delta, count: state.members.count, visibleRows: state.layout.memberRows)
            return MemberList.ensureRows(state)
        }
        return []
    }

    /// A click selects the row under it in whichever pane it lands, and focuses that pane.
    static func click(x: Int, y: Int, _ state: inout AppState) -> [Effect] {
        let layout = state.layout
        func row(in pane: Rect?, headings: Bool) -> Int? {
            guard let pane else { return nil }
            let frame = Panel.framed(pane) ? 1 : 0
            let top = pane.y + frame + (headings ? 1 : 0)
            guard x >= pane.x, x < pane.maxX, y >= top, y < pane.maxY - frame else { return nil }
            return y - top
        }
        switch state.screen {
        case .members:
            if let line = row(in: layout.list, headings: layout.memberHeadings), line < layout.memberRows {
                state.focus = .members
                state.relayout()
                state.members.list.select(state.members.list.offset + line, count: state.members.count,
                                          visibleRows: state.layout.memberRows)
                return MemberList.ensureRows(state)
            }
            if let line = row(in: layout.side, headings: true) {
                state.focus = .inboxes
                state.relayout()
                state.inboxes.pane.select(state.inboxes.pane.offset + line, count: state.inboxes.all.count,
                                          visibleRows: state.layout.sideRows)
            }
        case .inboxes:
            if state.thread != nil { return [] }
            if var threads = state.threads {
                if let line = row(in: layout.list, headings: true) {
                    threads.list.select(threads.list.offset + line, count: threads.all.count, visibleRows: layout.listRows)
                    state.threads = threads
                }
                return []
            }
            if let line = row(in: layout.list, headings: true) {
                state.inboxes.list.select(state.inboxes.list.offset + line, count: state.inboxes.all.count,
                                          visibleRows: layout.listRows)
            }
        case .groups, .roles, .audit, .billing, .review:
            return []
        case .contacts:
            if let line = row(in: layout.list, headings: true) {
                state.contacts.list.select(state.contacts.list.offset + line, count: state.contacts.shown.count,
                                           visibleRows: layout.listRows)
            }
        case .invitations:
            if let line = row(in: layout.list, headings: true) {
                state.invitations.list.select(state.invitations.list.offset + line, count: state.invitations.all.count,
                                              visibleRows: layout.listRows)
            }
        }
        return []
    }
}
