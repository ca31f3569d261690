import TeamCore
import TermUI

/// Picking a new role for a member: every role, with the guard's answer.
public struct RolePicker: Equatable {
    public var member: Member
    public var choices: [Choice]
    public var cursor: Int
    /// Set when the role is for every marked member (how many).
    public var marked: Int?

    public struct Choice: Equatable {
        public var role: Role
        public var availability: Availability
    }

    public init(member: Member, choices: [Choice], cursor: Int) {
        self.member = member; self.choices = choices; self.cursor = cursor
    }

    /// Every role the guard does not hide, each with its answer; the cursor
    /// starts on the current role, so Enter by reflex changes nothing.
    init(member: Member, state: AppState) {
        let target = Ask.facts(member)
        let choices = Role.byRank.map { role in
            Choice(role: role, availability: role == member.role
                ? .disabled(reason: "\(member.name) is already \(role.rawValue)")
                : Ask.availability(.changeRole(target, to: role), state))
        }.filter { !$0.availability.isHidden }
        self.init(member: member, choices: choices, cursor: choices.firstIndex { $0.role == member.role } ?? 0)
    }

    /// The same window for the member as they are now; the cursor stays on the role it was on.
    func refreshed(_ member: Member, _ state: AppState) -> RolePicker {
        var fresh = RolePicker(member: member, state: state)
        let wanted = choices.indices.contains(cursor) ? choices[cursor].role : member.role
        fresh.cursor = fresh.choices.firstIndex { $0.role == wanted } ?? fresh.cursor
        return fresh
    }

    /// The roles this operator could give anyone, for every marked member at once;
    /// who of them may not get it is counted before anything changes.
    init?(marked: Int, state: AppState) {
        guard let placeholder = state.selectedMember?.member ?? state.operatorContext?.member else { return nil }
        let probe = TargetFacts(id: -1, role: .member, status: .active)
        let choices = Role.byRank.map { Choice(role: $0, availability: Ask.availability(.changeRole(probe, to: $0), state)) }
            .filter { !$0.availability.isHidden }
        self.init(member: placeholder, choices: choices, cursor: max(0, choices.count - 1))
        self.marked = marked
    }

    var chosen: Choice? { choices.indices.contains(cursor) ? choices[cursor] : nil }
}

extension RolePicker {
    static let actions: [ActionSpec] = [
        ActionSpec(.roleDown, keys: [k("j"), k(.down)], scopes: [.roleWindow], label: "down", help: "Next role",
                   inFooter: false) { state, _ in move(&state, by: 1) },
        ActionSpec(.roleUp, keys: [k("k"), k(.up)], scopes: [.roleWindow], label: "up", help: "Previous role",
                   inFooter: false) { state, _ in move(&state, by: -1) },
        ActionSpec(.roleChoose, keys: [k(.enter), k(" ")], scopes: [.roleWindow],
                   label: { "set " + (picker($0)?.chosen?.role.rawValue ?? "role") },
                   help: "Give the member the role under the cursor",
                   availability: { picker($0)?.chosen?.availability ?? .enabled }) { state, _ in
            guard let picker = picker(state), let choice = picker.chosen else { return [] }
            state.modal = nil
            if picker.marked != nil { return Marks.prepare(.setRole(choice.role), &state) }
            // A demotion asks first (typed when it is yourself).
            return Confirmation.perform(.setRole(member: picker.member.email, role: choice.role,
                                                 expectedVersion: picker.member.version), on: picker.member, &state)
        },
        ActionSpec(.roleCancel, keys: [k(.escape), k("q")], scopes: [.roleWindow], label: "cancel",
                   help: "Close without changing the role") { state, _ in
            state.modal = nil
            return []
        },
    ]

    static func picker(_ state: AppState) -> RolePicker? {
        if case .rolePicker(let picker) = state.modal { return picker }
        return nil
    }

    static func move(_ state: inout AppState, by delta: Int) -> [Effect] {
        guard var picker = picker(state) else { return [] }
        picker.cursor = ListScroll.move(picker.cursor, by: delta, count: picker.choices.count)
        state.modal = .rolePicker(picker)
        return []
    }

    static func draw(_ state: AppState, _ picker: RolePicker, _ grid: inout Grid) {
        let inner = Dialog(title: picker.marked.map { "Role of \($0) marked members" } ?? "Role of \(picker.member.name)", width: 64, height: picker.choices.count + 4, hint: Footer.hint(state))
            .draw(&grid, in: state.layout.windowArea, glyphs: state.glyphs)
        guard inner.width > 0, inner.height > 0 else { return }
        // The "now" line only when there is room for it and at least one choice.
        let showNow = inner.height >= 2
        if showNow, picker.marked == nil {
            grid.put("now \(picker.member.role.rawValue)", x: inner.x, y: inner.y, style: Style(.muted), maxWidth: inner.width)
        }
        let top = inner.y + (showNow ? 1 : 0)
        let rows = inner.maxY - top
        // A window around the cursor: the choice Enter would take is always visible.
        let list = ListState(selection: picker.cursor,
                             offset: ListScroll.offset(selection: picker.cursor, previousOffset: 0, visibleRows: rows,
                                                       count: picker.choices.count))
        let table = Table(columns: [Column("", inner.width)], headings: false)
        table.draw(&grid, Rect(x: inner.x, y: top, width: inner.width, height: rows), glyphs: state.glyphs,
                   count: picker.choices.count, list: list) { index in
            let choice = picker.choices[index]
            var style = Style(choice.availability.isEnabled ? .normal : .muted)
            if index == picker.cursor { style = Style(.selection) }
            let reason = choice.availability.reason.map { " - \($0)" } ?? ""
            return TableRow([" " + choice.role.rawValue + reason], style: style)
        }
    }
}
