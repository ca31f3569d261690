import TeamCore
import TermUI

/// The help window: every key the operator can use, by where it applies,
/// generated from the key table and filtered by the guard.
public struct HelpWindow: Equatable {
    public var scroll = 0
    public init() {}
}

extension HelpWindow {
    static let actions: [ActionSpec] = [
        ActionSpec(.helpClose, keys: [k(.escape), k("q"), k("?"), k(.enter)], scopes: [.helpWindow], label: "close",
                   help: "Close the help") { state, _ in
            state.modal = nil
            return []
        },
        ActionSpec(.helpDown, keys: [k("j"), k(.down)], scopes: [.helpWindow], label: "down", help: "Scroll down",
                   inFooter: false) { state, _ in scroll(&state, by: 1) },
        ActionSpec(.helpUp, keys: [k("k"), k(.up)], scopes: [.helpWindow], label: "up", help: "Scroll up",
                   inFooter: false) { state, _ in scroll(&state, by: -1) },
        ActionSpec(.helpPageDown, keys: [k(.pageDown), k(" ")], scopes: [.helpWindow], label: "page down",
                   help: "Scroll a page down", inFooter: false) { state, _ in scroll(&state, by: 10) },
        ActionSpec(.helpPageUp, keys: [k(.pageUp)], scopes: [.helpWindow], label: "page up",
                   help: "Scroll a page up", inFooter: false) { state, _ in scroll(&state, by: -10) },
    ]

    static func scroll(_ state: inout AppState, by delta: Int) -> [Effect] {
        guard case .help(var window) = state.modal else { return [] }
        let limit = max(0, lines(state).count - visibleLines(state))
        window.scroll = min(max(0, window.scroll + delta), limit)
        state.modal = .help(window)
        return []
    }

    /// One line of the help: a section title, or keys and what they do.
    struct Line: Equatable {
        var keys: String
        var text: String
        var isTitle: Bool
    }

    /// Where each section's availability is asked: the screen and focus of its pane.
    static let sections: [Scope] = [.memberList, .inboxPane, .inboxList, .threadList, .threadView, .invitationList, .groupList, .roleMatrix, .auditList,
                                    .billingView, .contactList, .filter, .anywhere, .always,
                                    .memberWindow, .roleWindow, .confirmWindow, .typedConfirmWindow,
                                    .inviteWindow, .inviteEmail, .inviteRole, .inviteInboxes, .promptWindow, .grantsWindow, .paletteWindow, .helpWindow, .messageWindow, .whoWindow, .noAccess]

    /// The help for this operator: moving keys once, then each section whose
    /// entrance they can take, with the entries the guard does not hide.
    static func lines(_ state: AppState) -> [Line] {
        var probe = state
        probe.modal = nil
        probe.members.filtering = false
        let moving = Keymap.all.filter { $0.scopes == ListKeys.lists }
        var lines = [Line(keys: "Moving in lists", text: "", isTitle: true)]
        lines += moving.map { Line(keys: $0.keyLabels(state.glyphs), text: $0.help, isTitle: false) }
        for scope in sections {
            var here = probe
            here.screen = switch scope {
            case .inboxList, .threadList, .threadView: .inboxes
            case .invitationList: .invitations
            case .groupList: .groups
            case .roleMatrix: .roles
            case .auditList: .audit
            case .billingView: .billing
            case .contactList: .contacts
            case .reviewList: .review
            default: .members
            }
            here.focus = scope == .inboxPane ? .inboxes : .members
            let openers = Keymap.all.filter { scope.entrances.contains($0.id) }
            if !openers.isEmpty, openers.allSatisfy({ $0.availability(here).isHidden }) { continue }
            let specs = Keymap.all.filter { spec in
                spec.scopes.contains(scope) && spec.scopes != ListKeys.lists && !spec.availability(here).isHidden
            }
            guard !specs.isEmpty else { continue }
            lines.append(Line(keys: scope.title, text: "", isTitle: true))
            let isPane = [Scope.memberList, .inboxPane, .inboxList, .threadList, .threadView, .invitationList, .groupList, .roleMatrix, .auditList,
                          .billingView, .contactList, .reviewList].contains(scope)
            for spec in specs {
                let note = isPane ? spec.availability(here).reason.map { " (not now: \($0))" } ?? "" : ""
                lines.append(Line(keys: spec.keyLabels(state.glyphs), text: spec.help + note, isTitle: false))
            }
        }
        lines.append(Line(keys: "Member list columns", text: "", isTitle: true))
        lines += MemberList.legend.map { Line(keys: "", text: $0, isTitle: false) }
        return lines
    }

    static func dialog(_ state: AppState, lineCount: Int) -> Dialog {
        Dialog(title: "Keys", width: 76, height: lineCount + 2, hint: Footer.hint(state))
    }

    /// Lines that fit in the window at this size.
    static func visibleLines(_ state: AppState) -> Int {
        let area = state.layout.windowArea
        return max(0, min(lines(state).count + 2, area.height) - 2)
    }

    static func draw(_ state: AppState, _ window: HelpWindow, _ grid: inout Grid) {
        let lines = lines(state)
        let inner = dialog(state, lineCount: lines.count).draw(&grid, in: state.layout.windowArea, glyphs: state.glyphs)
        guard inner.width > 0, inner.height > 0 else { return }
        let start = min(window.scroll, max(0, lines.count - inner.height))
        for (row, line) in lines.dropFirst(start).prefix(inner.height).enumerated() {
            let y = inner.y + row
            if line.isTitle {
                grid.put(line.keys, x: inner.x, y: y, style: Style(.accent, bold: true), maxWidth: inner.width)
            } else {
                grid.putCell(line.keys, x: inner.x + 1, y: y, width: min(16, inner.width - 1), style: Style(.accent),
                             glyphs: state.glyphs)
                if inner.width > 18 {
                    grid.putCell(line.text, x: inner.x + 18, y: y, width: inner.width - 18, style: .normal, glyphs: state.glyphs)
                }
            }
        }
    }
}
