import TeamCore
import TermText
import TermUI

/// The inboxes screen: each inbox with its members, to see who is on a shared number.
enum InboxScreenView {
    static func drawList(_ state: AppState, _ grid: inout Grid, _ rect: Rect) {
        grid.box(rect, glyphs: state.glyphs, style: Style(.accent), title: "Inboxes (\(state.inboxes.count))")
        let inner = rect.inset(1)
        guard inner.width > 0, inner.height > 1 else { return }
        let nameWidth = max(0, inner.width - 15 - 8 - 8 - 3)
        Draw.row(&grid, [("NUMBER", 15), ("NAME", nameWidth), ("VIS", 8), ("MEMBERS", 8)],
                 x: inner.x, y: inner.y, width: inner.width, style: Style(.muted, bold: true), glyphs: state.glyphs)
        let rows = inner.height - 1
        let offset = ListScroll.offset(selection: state.inboxCursor, previousOffset: max(0, state.inboxCursor - rows + 1),
                                       visibleRows: rows, count: state.inboxes.count)
        for line in 0..<rows {
            let index = offset + line
            guard index < state.inboxes.count else { break }
            let summary = state.inboxes[index]
            let style = Style(index == state.inboxCursor ? .selection : .normal)
            Draw.row(&grid, [(summary.inbox.phone.value, 15), (summary.inbox.name, nameWidth),
                             (summary.inbox.visibility.rawValue, 8),
                             (state.inboxMembersLoaded ? String(summary.members.count) : state.glyphs.ellipsis, 8)],
                     x: inner.x, y: inner.y + 1 + line, width: inner.width, style: style, glyphs: state.glyphs)
        }
        if state.inboxes.isEmpty {
            grid.put("no inboxes you can see", x: inner.x, y: inner.y + 1, style: Style(.muted), maxWidth: inner.width)
        }
    }

    static func drawMembers(_ state: AppState, _ grid: inout Grid, _ rect: Rect) {
        let summary = state.inboxes.indices.contains(state.inboxCursor) ? state.inboxes[state.inboxCursor] : nil
        let title = summary.map { "Members of \($0.inbox.name)" } ?? "Members"
        grid.box(rect, glyphs: state.glyphs, style: Style(.border), title: title)
        let inner = rect.inset(1)
        guard inner.width > 0, inner.height > 1, let summary else { return }
        let kind = summary.inbox.visibility == .public ? "shared inbox" : "individual inbox"
        grid.put("\(summary.inbox.phone) · \(kind)", x: inner.x, y: inner.y, style: Style(.muted), maxWidth: inner.width)
        if summary.members.isEmpty {
            grid.put("nobody is assigned", x: inner.x, y: inner.y + 1, style: Style(.muted), maxWidth: inner.width)
        }
        for (line, email) in summary.members.prefix(inner.height - 1).enumerated() {
            Draw.cell(&grid, email.value, x: inner.x, y: inner.y + 1 + line, width: inner.width, style: .normal, glyphs: state.glyphs)
        }
        if summary.members.count > inner.height - 1 {
            let more = "… and \(summary.members.count - inner.height + 2) more"
            Draw.cell(&grid, more, x: inner.x, y: inner.maxY - 1, width: inner.width, style: Style(.muted), glyphs: state.glyphs)
        }
    }
}

/// The key hints at the bottom, generated from the action table.
enum FooterView {
    static func draw(_ state: AppState, _ grid: inout Grid, _ rect: Rect) {
        let all = entries(state)
        // Help and quit are pinned to the right, so they are never cut off.
        let pinned = all.filter { [.help, .quit].contains($0.spec.id) }
        let pinnedWidth = pinned.reduce(0) { $0 + width($1.spec, state) + 2 }
        var right = rect.maxX - pinnedWidth + 2
        if right < rect.x { right = rect.maxX }
        var x = right
        for entry in pinned where x + width(entry.spec, state) <= rect.maxX {
            put(entry, x: x, y: rect.y, state, &grid)
            x += width(entry.spec, state) + 2
        }
        x = rect.x
        let rest = all.filter { entry in !pinned.contains { $0.spec.id == entry.spec.id } }
        for (index, entry) in rest.enumerated() {
            let cells = width(entry.spec, state)
            // Keep room for a mark saying more actions are in the help.
            let more = index < rest.count - 1 ? TerminalText.width(of: state.glyphs.ellipsis) + 1 : 0
            guard x + cells + more <= right - 2 else {
                grid.put(state.glyphs.ellipsis, x: x, y: rect.y, style: Style(.muted))
                break
            }
            put(entry, x: x, y: rect.y, state, &grid)
            x += cells + 2
        }
    }

    static func width(_ spec: ActionSpec, _ state: AppState) -> Int {
        TerminalText.width(of: spec.keys.first?.label ?? "") + 1 + TerminalText.width(of: spec.label(state))
    }

    static func put(_ entry: (spec: ActionSpec, availability: Availability), x: Int, y: Int, _ state: AppState,
                    _ grid: inout Grid) {
        let key = entry.spec.keys.first?.label ?? ""
        let enabled = entry.availability.isEnabled
        grid.put(key, x: x, y: y, style: Style(enabled ? .accent : .muted, bold: enabled))
        grid.put(entry.spec.label(state), x: x + TerminalText.width(of: key) + 1, y: y, style: Style(enabled ? .normal : .muted))
    }

    /// What the footer offers here: modal hints inside modals, else the table.
    static func entries(_ state: AppState) -> [(spec: ActionSpec, availability: Availability)] {
        if state.modal != nil || state.members.filtering { return [] }
        return ActionTable.footer(state)
    }
}
