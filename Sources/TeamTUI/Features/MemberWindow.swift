import TeamCore
import TermText
import TermUI

/// The member window: role, login, inboxes, groups, overrides and every
/// effective permission of the selected member.
public struct MemberWindow: Equatable {
    /// nil until it has been read.
    public var detail: MemberDetail?
    public var scroll = 0

    public init(detail: MemberDetail?, scroll: Int = 0) { self.detail = detail; self.scroll = scroll }
}

extension MemberWindow {
    static let actions: [ActionSpec] = [
        ActionSpec(.detailClose, keys: [k(.escape), k("q"), k(.enter)], scopes: [.memberWindow], label: "close",
                   help: "Close the window") { state, _ in
            state.modal = nil
            return []
        },
        ActionSpec(.detailDown, keys: [k("j"), k(.down)], scopes: [.memberWindow], label: "down", help: "Scroll down",
                   inFooter: false) { state, _ in scroll(&state, by: 1) },
        ActionSpec(.detailUp, keys: [k("k"), k(.up)], scopes: [.memberWindow], label: "up", help: "Scroll up",
                   inFooter: false) { state, _ in scroll(&state, by: -1) },
    ]

    static func scroll(_ state: inout AppState, by delta: Int) -> [Effect] {
        guard case .detail(var window) = state.modal else { return [] }
        let count = lines(window.detail, state.glyphs, width: valueWidth(state)).count
        let visible = max(0, min(count + 2, state.layout.windowArea.height) - 2)
        window.scroll = min(max(0, window.scroll + delta), max(0, count - visible))
        state.modal = .detail(window)
        return []
    }

    /// Label and value lines, long values wrapped to `width` cells so whole
    /// addresses show (nothing is cut in this window).
    static func lines(_ detail: MemberDetail?, _ glyphs: Glyphs, width: Int = 55) -> [(String, String)] {
        lines(detail, glyphs).flatMap { label, value in
            TerminalText.wrap(TerminalText.sanitize(value), toWidth: max(1, width)).enumerated().map { index, part in
                (index == 0 ? label : "", part)
            }
        }
    }

    static func lines(_ detail: MemberDetail?, _ glyphs: Glyphs) -> [(String, String)] {
        guard let detail else { return [("", "loading…")] }
        let member = detail.member
        var lines: [(String, String)] = [
            ("Name", member.name), ("Email", member.email.value), ("Role", member.role.rawValue),
            ("Status", member.status.rawValue), ("Login", member.login ?? "(none bound)"),
            ("Inboxes", detail.inboxes.isEmpty ? "(none)" : detail.inboxes.map { "\($0.phone) \($0.name)" }.joined(separator: ", ")),
            ("Groups", detail.groups.isEmpty ? "(none)" : detail.groups.joined(separator: ", ")),
            ("Overrides", detail.overrides.isEmpty ? "(none)"
                : detail.overrides.map { "\($0.effect.rawValue) \($0.permission.rawValue)" }.joined(separator: ", ")),
            ("Permissions", "\(detail.permissions.count) of \(Permission.allCases.count)"),
        ]
        for permission in Permission.allCases {
            lines.append(("", (detail.permissions.contains(permission) ? glyphs.check : "-") + " " + permission.rawValue))
        }
        return lines
    }

    /// Cells for a value: the window's inside less the label column.
    static func valueWidth(_ state: AppState) -> Int {
        min(70, state.layout.windowArea.width) - 2 - 13
    }

    static func draw(_ state: AppState, _ window: MemberWindow, _ grid: inout Grid) {
        let lines = lines(window.detail, state.glyphs, width: valueWidth(state))
        let title = window.detail.map { "Member · \($0.member.name)" } ?? "Member"
        let inner = Dialog(title: title, width: 70, height: lines.count + 2, hint: Footer.hint(state))
            .draw(&grid, in: state.layout.windowArea, glyphs: state.glyphs)
        guard inner.width > 14, inner.height > 0 else { return }
        let start = min(window.scroll, max(0, lines.count - inner.height))
        for (row, line) in lines.dropFirst(start).prefix(inner.height).enumerated() {
            grid.putCell(line.0, x: inner.x, y: inner.y + row, width: 12, style: Style(.muted), glyphs: state.glyphs)
            grid.putCell(line.1, x: inner.x + 13, y: inner.y + row, width: inner.width - 13, style: .normal, glyphs: state.glyphs)
        }
    }
}
