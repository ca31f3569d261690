import TeamCore
import TermText
import TermUI

/// The overlays. Each degrades to the space there is; none overflows the screen.
enum ModalView {
    static func draw(_ state: AppState, _ grid: inout Grid) -> Frame.Cursor? {
        guard let modal = state.modal else { return nil }
        switch modal {
        case .help(let scroll):
            drawHelp(state, &grid, scroll: scroll)
            return nil
        case .detail(let detail, let scroll):
            drawDetail(state, &grid, detail, scroll: scroll)
            return nil
        case .rolePicker(let picker):
            drawRolePicker(state, &grid, picker)
            return nil
        case .confirmRemove(let confirm):
            return drawConfirmRemove(state, &grid, confirm)
        case .invite(let form):
            return InviteView.draw(state, &grid, form)
        }
    }

    /// A framed, cleared box centred on the screen; returns its inside.
    static func frame(_ grid: inout Grid, _ state: AppState, width: Int, height: Int, title: String, hint: String) -> Rect {
        let area = Rect(x: 0, y: 1, width: state.size.cols, height: max(0, state.size.rows - 2))
        let rect = area.centred(width: width, height: height)
        grid.fill(rect)
        grid.box(rect, glyphs: state.glyphs, style: Style(.accent), title: title)
        if rect.width > 6 && !hint.isEmpty {
            let text = " " + TerminalText.truncate(hint, toWidth: rect.width - 6, ellipsis: state.glyphs.ellipsis) + " "
            grid.put(text, x: rect.maxX - 1 - TerminalText.width(of: text) - 1, y: rect.maxY - 1, style: Style(.muted))
        }
        return rect.inset(1)
    }

    /// The help lines, generated from the action table: moving keys once,
    /// then each pane's actions, then the global ones.
    static func helpLines(_ state: AppState) -> [(String, String, Bool)] {
        let moving: Set<ActionID> = [.moveDown, .moveUp, .pageDown, .pageUp, .top, .bottom]
        var lines: [(String, String, Bool)] = [("Moving in lists", "", true)]
        for spec in ActionTable.all where moving.contains(spec.id) {
            lines.append((spec.keys.map(\.label).joined(separator: " "), spec.help, false))
        }
        let sections: [(String, Scope)] = [("Member list", .memberList), ("Inbox pane", .inboxPane),
                                            ("Inboxes view", .inboxList), ("Invitations view", .invitationList),
                                            ("Anywhere", .global)]
        for (title, scope) in sections {
            var probe = state
            probe.modal = nil
            probe.screen = scope == .inboxList ? .inboxes : scope == .invitationList ? .invitations : .members
            probe.focus = scope == .inboxPane ? .inboxes : .members
            let specs = ActionTable.all.filter { spec in
                !moving.contains(spec.id) && spec.scopes.contains(scope) && !spec.availability(probe).isHidden
            }
            guard !specs.isEmpty else { continue }
            lines.append((title, "", true))
            for spec in specs {
                let note = spec.availability(probe).reason.map { " (not now: \($0))" } ?? ""
                lines.append((spec.keys.map(\.label).joined(separator: " "), spec.help + note, false))
            }
        }
        lines.append(("In windows", "", true))
        lines.append(("Tab S-Tab", "Next / previous field (invite)", false))
        lines.append(("Enter", "Confirm", false))
        lines.append(("Esc", "Close the window, cancel", false))
        return lines
    }

    static func drawHelp(_ state: AppState, _ grid: inout Grid, scroll: Int) {
        let lines = helpLines(state)
        let inner = frame(&grid, state, width: 76, height: lines.count + 2, title: "Keys", hint: "Esc closes")
        guard inner.width > 0, inner.height > 0 else { return }
        let start = min(scroll, max(0, lines.count - inner.height))
        for (row, line) in lines.dropFirst(start).prefix(inner.height).enumerated() {
            let y = inner.y + row
            if line.2 {
                grid.put(line.0, x: inner.x, y: y, style: Style(.accent, bold: true), maxWidth: inner.width)
            } else {
                Draw.cell(&grid, line.0, x: inner.x + 1, y: y, width: min(16, inner.width - 1), style: Style(.accent), glyphs: state.glyphs)
                if inner.width > 18 {
                    Draw.cell(&grid, line.1, x: inner.x + 18, y: y, width: inner.width - 18, style: .normal, glyphs: state.glyphs)
                }
            }
        }
    }

    static func drawDetail(_ state: AppState, _ grid: inout Grid, _ detail: MemberDetail?, scroll: Int) {
        var lines: [(String, String)] = []
        if let detail {
            let member = detail.member
            lines = [("Name", member.name), ("Email", member.email.value), ("Role", member.role.rawValue),
                     ("Status", member.status.rawValue), ("Login", member.login ?? "(none bound)"),
                     ("Inboxes", detail.inboxes.isEmpty ? "(none)" : detail.inboxes.map { "\($0.phone) \($0.name)" }.joined(separator: ", ")),
                     ("Groups", detail.groups.isEmpty ? "(none)" : detail.groups.joined(separator: ", ")),
                     ("Overrides", detail.overrides.isEmpty ? "(none)" : detail.overrides.map { "\($0.effect.rawValue) \($0.permission.rawValue)" }.joined(separator: ", ")),
                     ("Permissions", "\(detail.permissions.count) of \(Permission.allCases.count)")]
            for permission in Permission.allCases {
                lines.append(("", (detail.permissions.contains(permission) ? state.glyphs.check : "-") + " " + permission.rawValue))
            }
        } else {
            lines = [("", "loading…")]
        }
        let title = detail.map { "Member · \($0.member.name)" } ?? "Member"
        let inner = frame(&grid, state, width: 70, height: lines.count + 2, title: title, hint: "Esc closes")
        guard inner.width > 14, inner.height > 0 else { return }
        let start = min(scroll, max(0, lines.count - inner.height))
        for (row, line) in lines.dropFirst(start).prefix(inner.height).enumerated() {
            Draw.cell(&grid, line.0, x: inner.x, y: inner.y + row, width: 12, style: Style(.muted), glyphs: state.glyphs)
            Draw.cell(&grid, line.1, x: inner.x + 13, y: inner.y + row, width: inner.width - 13, style: .normal, glyphs: state.glyphs)
        }
    }

    static func drawRolePicker(_ state: AppState, _ grid: inout Grid, _ picker: RolePicker) {
        let inner = frame(&grid, state, width: 64, height: picker.choices.count + 4,
                          title: "Role of \(picker.member.name)", hint: "Enter sets · Esc cancels")
        guard inner.width > 0, inner.height > 0 else { return }
        // The "now" line only when there is room for it and at least one choice.
        let showNow = inner.height >= 2
        if showNow {
            grid.put("now \(picker.member.role.rawValue)", x: inner.x, y: inner.y, style: Style(.muted), maxWidth: inner.width)
        }
        let top = inner.y + (showNow ? 1 : 0)
        let rows = inner.maxY - top
        // A window around the cursor: the choice Enter would take is always visible.
        let offset = ListScroll.offset(selection: picker.cursor, previousOffset: 0, visibleRows: rows, count: picker.choices.count)
        for line in 0..<rows {
            let index = offset + line
            guard index < picker.choices.count else { break }
            let choice = picker.choices[index]
            var style = Style(choice.availability.isEnabled ? .normal : .muted)
            if index == picker.cursor { style = Style(.selection) }
            let reason = choice.availability.reason.map { " - \($0)" } ?? ""
            Draw.cell(&grid, " " + choice.role.rawValue + reason, x: inner.x, y: top + line, width: inner.width,
                      style: style, glyphs: state.glyphs)
        }
    }

    static func drawConfirmRemove(_ state: AppState, _ grid: inout Grid, _ confirm: ConfirmRemove) -> Frame.Cursor? {
        let inner = frame(&grid, state, width: 64, height: 7, title: "Remove \(confirm.member.name)?",
                          hint: "Enter removes · Esc cancels")
        guard inner.width > 2, inner.height > 0 else { return nil }
        // The input line is the last row; the explanations take the rows above it that exist.
        let inputY = inner.maxY - 1
        let above = [("This removes the member and their inbox assignments.", Style(.danger)),
                     ("Type \(confirm.member.email.value) to confirm:", Style.normal)]
        for (row, line) in above.prefix(max(0, inner.height - 1)).enumerated() where inner.y + row < inputY {
            grid.put(line.0, x: inner.x, y: inner.y + row, style: line.1, maxWidth: inner.width)
        }
        grid.put(">", x: inner.x, y: inputY, style: Style(.accent, bold: true))
        let shown = confirm.typed.visible(width: inner.width - 2)
        grid.put(shown.text, x: inner.x + 2, y: inputY, maxWidth: inner.width - 2)
        return Frame.Cursor(x: inner.x + 2 + shown.cursorColumn, y: inputY)
    }
}
