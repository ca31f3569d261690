import TeamCore
import TermUI

/// The inboxes view: each inbox with its members, to see who is on a shared number.
/// Its keys are the list keys; it draws the list and the selected inbox's members.
enum InboxesScreen {
    static func drawList(_ state: AppState, _ grid: inout Grid, _ rect: Rect) {
        let inboxes = state.inboxes
        let inner = Panel(title: "Inboxes (\(inboxes.all.count))", focused: true).draw(&grid, rect, glyphs: state.glyphs)
        guard inner.width > 0, inner.height > 0 else { return }
        let nameWidth = max(0, inner.width - 16 - 3 - 8 - 8 - 4)
        // One row of room (a tiny terminal): the selected inbox rather than the headings, as the member list does.
        let table = Table(columns: [Column("NUMBER", 16), Column("RG", 3), Column("NAME", nameWidth), Column("VIS", 8),
                                    Column("MEMBERS", 8)], headings: inner.height > 1)
        table.draw(&grid, inner, glyphs: state.glyphs, count: inboxes.all.count, list: inboxes.list) { index in
            let summary = inboxes.all[index]
            return TableRow([summary.inbox.displayPhone, summary.inbox.region ?? "", summary.inbox.name, summary.inbox.visibility.rawValue,
                             inboxes.membersLoaded ? String(summary.members.count) : state.glyphs.ellipsis],
                            style: Style(index == inboxes.list.selection ? .selection : .normal))
        }
        if inboxes.all.isEmpty {
            grid.put("no inboxes you can see", x: inner.x, y: inner.y + 1, style: Style(.muted), maxWidth: inner.width)
        }
    }

    static func drawMembers(_ state: AppState, _ grid: inout Grid, _ rect: Rect) {
        let all = state.inboxes.all
        let selection = state.inboxes.list.selection
        let summary = all.indices.contains(selection) ? all[selection] : nil
        let title = summary.map { "Members of \($0.inbox.name)" } ?? "Members"
        let inner = Panel(title: title, focused: false).draw(&grid, rect, glyphs: state.glyphs)
        guard inner.width > 0, inner.height > 1, let summary else { return }
        let kind = summary.inbox.visibility == .public ? "shared inbox" : "individual inbox"
        let dot = state.glyphs.dot
        grid.put("\(summary.inbox.displayPhone) \(dot) \(summary.inbox.region.map { $0 + " \(dot) " } ?? "")\(kind)", x: inner.x, y: inner.y, style: Style(.muted), maxWidth: inner.width)
        // The groups on it, when any: their members work here too, marked as such below.
        var top = inner.y + 1
        if !summary.groups.isEmpty, inner.height > 2 {
            grid.putCell("groups: " + summary.groups.joined(separator: ", "), x: inner.x, y: top, width: inner.width,
                         style: Style(.accent), glyphs: state.glyphs)
            top += 1
        }
        // The thread count only for those who may read this inbox's messages (the store leaves it out otherwise).
        if let threads = summary.threads, top < inner.maxY {
            grid.put("\(counted(threads, "message thread")) (t to read)", x: inner.x, y: top, style: Style(.accent), maxWidth: inner.width)
            top += 1
        }
        let rows = max(0, inner.maxY - top)
        if summary.members.isEmpty {
            grid.put("nobody is assigned", x: inner.x, y: top, style: Style(.muted), maxWidth: inner.width)
        }
        let direct = Set(summary.direct)
        for (line, email) in summary.members.prefix(rows).enumerated() {
            let text = direct.contains(email) ? email.value : email.value + " (by group)"
            grid.putCell(text, x: inner.x, y: top + line, width: inner.width, style: .normal, glyphs: state.glyphs)
        }
        if summary.members.count > rows, rows > 0 {
            let more = "\(state.glyphs.ellipsis) and \(summary.members.count - rows + 1) more"
            grid.putCell(more, x: inner.x, y: inner.maxY - 1, width: inner.width, style: Style(.muted), glyphs: state.glyphs)
        }
    }
}
