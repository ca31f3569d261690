import TeamCore
import TermText
import TermUI

/// The invite modal: email, role, phone-number inboxes (SPEC §4.3).
enum InviteView {
    static func draw(_ state: AppState, _ grid: inout Grid, _ form: InviteForm) -> Frame.Cursor? {
        let listRows = max(1, min(form.inboxes.count, 8))
        let inner = ModalView.frame(&grid, state, width: 66, height: 9 + listRows, title: "Invite a team member",
                                    hint: "Tab next field · Enter sends · Esc cancels")
        guard inner.width > 10, inner.height > 0 else { return nil }
        var cursor: Frame.Cursor?
        func label(_ text: String, _ field: InviteForm.Field, y: Int) {
            let active = form.field == field
            grid.put(text, x: inner.x, y: y, style: Style(active ? .accent : .muted, bold: active), maxWidth: 8)
        }
        // Email, with inline validation.
        var y = inner.y
        label("Email", .email, y: y)
        let fieldWidth = inner.width - 9
        grid.fill(Rect(x: inner.x + 9, y: y, width: fieldWidth, height: 1), style: Style(.selectionInactive))
        let shown = form.email.visible(width: fieldWidth)
        grid.put(shown.text, x: inner.x + 9, y: y, style: Style(.selectionInactive), maxWidth: fieldWidth)
        if form.field == .email { cursor = Frame.Cursor(x: inner.x + 9 + shown.cursorColumn, y: y) }
        y += 1
        if y < inner.maxY {
            if let problem = form.emailProblem {
                Draw.cell(&grid, problem, x: inner.x + 9, y: y, width: fieldWidth, style: Style(.warning), glyphs: state.glyphs)
            } else if !form.email.value.isEmpty {
                grid.put(state.glyphs.check + " looks right", x: inner.x + 9, y: y, style: Style(.success), maxWidth: fieldWidth)
            }
        }
        // Role: only those the guard offers.
        y += 1
        guard y < inner.maxY else { return cursor }
        label("Role", .role, y: y)
        var x = inner.x + 9
        let labels = form.roles.enumerated().map { index, role in
            index == form.roleIndex ? "(\(role.rawValue))" : " \(role.rawValue) "
        }
        let chosenStyle = Style(form.field == .role ? .selection : .accent, bold: true)
        if labels.reduce(0, { $0 + TerminalText.width(of: $1) + 1 }) <= inner.maxX - x {
            for (index, text) in labels.enumerated() {
                x += grid.put(text, x: x, y: y, style: index == form.roleIndex ? chosenStyle : .normal) + 1
            }
        } else if let role = form.role {
            // Too narrow for all of them: the chosen one, with arrows showing there are more.
            let before = form.roleIndex > 0 ? "< " : "  "
            let after = form.roleIndex < form.roles.count - 1 ? " >" : ""
            x += grid.put(before, x: x, y: y, style: Style(.muted))
            x += grid.put(role.rawValue, x: x, y: y, style: chosenStyle, maxWidth: inner.maxX - x)
            grid.put(after, x: x, y: y, style: Style(.muted), maxWidth: inner.maxX - x)
        }
        // Inboxes: multi-select of the visible ones.
        y += 2
        guard y < inner.maxY else { return cursor }
        label("Inboxes", .inboxes, y: y)
        grid.put("Space marks; none is fine", x: inner.x + 9, y: y, style: Style(.muted), maxWidth: fieldWidth)
        let rows = max(0, inner.maxY - (y + 1) - 1)
        let offset = ListScroll.offset(selection: form.inboxCursor, previousOffset: max(0, form.inboxCursor - rows + 1),
                                       visibleRows: rows, count: form.inboxes.count)
        for line in 0..<rows {
            let index = offset + line
            guard index < form.inboxes.count else { break }
            let inbox = form.inboxes[index]
            let mark = form.chosen.contains(inbox.id) ? state.glyphs.check : state.glyphs.unchecked
            let text = "\(state.glyphs.isUnicode ? "[" + mark + "]" : mark) \(inbox.phone) \(inbox.name) (\(inbox.visibility.rawValue))"
            let style = Style(index == form.inboxCursor && form.field == .inboxes ? .selection : .normal)
            Draw.cell(&grid, text, x: inner.x + 9, y: y + 1 + line, width: fieldWidth, style: style, glyphs: state.glyphs)
        }
        if form.inboxes.isEmpty {
            grid.put("(no inboxes you can see)", x: inner.x + 9, y: y + 1, style: Style(.muted), maxWidth: fieldWidth)
        }
        if let error = form.error {
            Draw.cell(&grid, error, x: inner.x, y: inner.maxY - 1, width: inner.width, style: Style(.danger), glyphs: state.glyphs)
        }
        return cursor
    }
}
