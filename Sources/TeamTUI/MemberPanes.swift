import TeamCore
import TermText
import TermUI

/// The member list pane.
enum MemberListView {
    /// Draws the pane; returns the cursor position while typing a filter.
    static func draw(_ state: AppState, _ grid: inout Grid, _ rect: Rect) -> Frame.Cursor? {
        let list = state.members
        let total = state.session?.memberCount ?? list.index.count
        let title = list.filter.value.isEmpty ? "Members (\(list.count))" : "Members (\(list.count) of \(total))"
        let focused = state.focus == .members && state.screen == .members
        grid.box(rect, glyphs: state.glyphs, style: Style(focused ? .accent : .border), title: title)
        let inner = rect.inset(1)
        guard inner.width > 0, inner.height > 0 else { return nil }
        let widths = columns(inner.width)
        let geometry = geometry(innerHeight: inner.height, state)
        if geometry.heads {
            Draw.row(&grid, [("NAME", widths.name), ("EMAIL", widths.email), ("ROLE", widths.role),
                             ("STATUS", widths.status), ("INB", widths.inboxes)],
                     x: inner.x, y: inner.y, width: inner.width, style: Style(.muted, bold: true), glyphs: state.glyphs)
        }
        let firstRow = inner.y + (geometry.heads ? 1 : 0)
        for line in 0..<geometry.rows {
            let position = list.offset + line
            let y = firstRow + line
            guard position < list.count, y < inner.maxY, let id = list.id(at: position) else { break }
            let selected = position == list.selection
            guard let row = list.rows[id] else {
                Draw.row(&grid, [(state.glyphs.ellipsis, inner.width)], x: inner.x, y: y, width: inner.width,
                         style: Style(.muted), glyphs: state.glyphs)
                continue
            }
            let member = row.member
            var style = Style(member.status == .active ? .normal : .muted)
            if selected { style = Style(focused ? .selection : .selectionInactive) }
            Draw.row(&grid, [(member.name, widths.name), (member.email.value, widths.email),
                             (member.role.rawValue, widths.role), (member.status.rawValue, widths.status),
                             (String(row.inboxes.count), widths.inboxes)],
                     x: inner.x, y: y, width: inner.width, style: style, glyphs: state.glyphs)
        }
        if list.count == 0 {
            let note = list.filter.value.isEmpty ? "no members" : "no member matches '\(list.filter.value)'"
            grid.put(TerminalText.truncate(note, toWidth: inner.width, ellipsis: state.glyphs.ellipsis),
                     x: inner.x, y: min(inner.y + 1, inner.maxY - 1), style: Style(.muted))
        }
        guard geometry.filterLine else { return nil }
        let y = inner.maxY - 1
        grid.fill(Rect(x: inner.x, y: y, width: inner.width, height: 1))
        grid.put("/", x: inner.x, y: y, style: Style(.accent, bold: true))
        let shown = list.filter.visible(width: inner.width - 1)
        grid.put(shown.text, x: inner.x + 1, y: y, maxWidth: inner.width - 1)
        return list.filtering ? Frame.Cursor(x: inner.x + 1 + shown.cursorColumn, y: y) : nil
    }

    /// How the inside of the pane is shared: column heads only when there is
    /// room for a member row too; the filter line takes the last row when shown.
    static func geometry(innerHeight: Int, _ state: AppState) -> (heads: Bool, rows: Int, filterLine: Bool) {
        let filterLine = state.members.filtering || !state.members.filter.value.isEmpty
        let available = max(0, innerHeight - (filterLine ? 1 : 0))
        let heads = available >= 3
        return (heads, max(1, available - (heads ? 1 : 0)), filterLine && innerHeight >= 2)
    }

    struct Widths { var name, email, role, status, inboxes: Int }

    /// Column widths for the inner width: narrow panes drop columns right to left.
    static func columns(_ width: Int) -> Widths {
        if width < 30 { return Widths(name: width, email: 0, role: 0, status: 0, inboxes: 0) }
        if width < 50 { return Widths(name: width - 16, email: 0, role: 15, status: 0, inboxes: 0) }
        let fixed = 15 + 1 + 11 + 1 + 3 + 2
        let flexible = width - fixed
        let name = flexible * 11 / 20
        return Widths(name: name, email: flexible - name, role: 15, status: 11, inboxes: 3)
    }
}

/// The inbox assignment pane: every visible inbox, ✓ where the selected member is in it.
enum InboxPaneView {
    static func draw(_ state: AppState, _ grid: inout Grid, _ rect: Rect) {
        let focused = state.focus == .inboxes
        let member = state.selectedMember
        let title = member.map { "Inboxes of \($0.member.name)" } ?? "Inboxes"
        grid.box(rect, glyphs: state.glyphs, style: Style(focused ? .accent : .border), title: title)
        let inner = rect.inset(1)
        guard inner.width > 0, inner.height > 1 else { return }
        let markWidth = TerminalText.width(of: state.glyphs.check) + (state.glyphs.isUnicode ? 2 : 1)
        // Narrow panes abbreviate the visibility so the name keeps some room.
        let short = inner.width < 40
        let visWidth = short ? 4 : 7
        let nameWidth = max(0, inner.width - markWidth - 15 - visWidth - 2)
        Draw.row(&grid, [("", markWidth - 1), ("NUMBER", 15), ("NAME", nameWidth), ("VIS", visWidth)],
                 x: inner.x, y: inner.y, width: inner.width, style: Style(.muted, bold: true), glyphs: state.glyphs)
        if state.inboxes.isEmpty {
            grid.put("no inboxes you can see", x: inner.x, y: inner.y + 1, style: Style(.muted), maxWidth: inner.width)
            return
        }
        let rows = inner.height - 1
        let offset = ListScroll.offset(selection: state.inboxCursor, previousOffset: max(0, state.inboxCursor - rows + 1),
                                       visibleRows: rows, count: state.inboxes.count)
        let target = member.map { Ask.facts($0.member) }
        for line in 0..<rows {
            let index = offset + line
            guard index < state.inboxes.count else { break }
            let inbox = state.inboxes[index].inbox
            let assigned = member?.inboxes.contains(inbox.phone) ?? false
            let mark = assigned ? state.glyphs.check : state.glyphs.unchecked
            let facts = Ask.facts(inbox)
            let allowed = target.map { Ask.availability(assigned ? .unassign($0, facts) : .assign($0, facts), state).isEnabled } ?? false
            var style = Style(allowed ? .normal : .muted)
            if index == state.inboxCursor && focused { style = Style(.selection) }
            let visibility = short ? (inbox.visibility == .public ? "pub" : "priv") : inbox.visibility.rawValue
            Draw.row(&grid, [(state.glyphs.isUnicode ? " " + mark : mark, markWidth - 1), (inbox.phone.value, 15),
                             (inbox.name, nameWidth), (visibility, visWidth)],
                     x: inner.x, y: inner.y + 1 + line, width: inner.width, style: style, glyphs: state.glyphs)
            if assigned && index != state.inboxCursor && state.glyphs.isUnicode {
                grid.put(mark, x: inner.x + 1, y: inner.y + 1 + line, style: Style(.success, bold: true))
            }
        }
    }
}
