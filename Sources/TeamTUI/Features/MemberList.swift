import TeamCore
import TermText
import TermUI

/// The member list: the whole index, the filtered positions on screen and a
/// cache of the rows that have been loaded for display.
public struct MemberListState: Equatable {
    public var index = MemberIndex()
    public var sort: MemberSort = .name
    public var filter = TextField(maxLength: 100)
    /// True while typing a filter after `/`.
    public var filtering = false
    /// Rows shown: positions into `index.ids`, in order.
    public var positions: [Int] = []
    public var list = ListState()
    public var rows: [MemberID: MemberSummary] = [:]
    /// The filter text `positions` was computed for.
    public var appliedFilter = ""
    /// Marked members: changes then act on all of them. Kept across reloads.
    public var marked: Set<MemberID> = []
    /// The rules that refused members of the bulk change being confirmed (for its report).
    public var bulkRefused: [String] = []

    public init() {}

    public var count: Int { positions.count }
    public var selection: Int { list.selection }

    public func id(at row: Int) -> MemberID? {
        guard row >= 0, row < positions.count else { return nil }
        return index.ids[positions[row]]
    }

    public var selectedID: MemberID? { id(at: list.selection) }

    /// The filter line shows while typing and while a filter is kept.
    public var showsFilterLine: Bool { filtering || !filter.value.isEmpty }
}

/// The member list's keys, its loading rules and its pane.
enum MemberList {
    static let actions: [ActionSpec] = [
        ActionSpec(.filter, keys: [k("/")], scopes: [.memberList], label: "filter",
                   help: "Filter members by name or email as you type (Esc clears)", priority: 2) { state, _ in
            state.members.filtering = true
            state.relayout()
            state.status = StatusMessage("filter: type to narrow, Enter to keep, Esc to clear", .info)
            return MemberList.ensureRows(state)
        },
        ActionSpec(.sort, keys: [k("s")], scopes: [.memberList], label: { "sort:\($0.members.sort.rawValue)" },
                   help: "Sort by name, email, role or status", priority: 6) { state, _ in
            let next = state.members.sort.next
            state.status = StatusMessage("sorted by \(next.rawValue)", .info)
            return [.loadIndex(next)]
        },
        ActionSpec(.detail, keys: [k(.enter)], scopes: [.memberList], label: "details",
                   help: "Member details: role, login, effective permissions", priority: 4,
                   availability: { $0.selectedMember == nil ? .disabled(reason: "no member selected") : .enabled }) { state, _ in
            guard let member = state.selectedMember?.member else { return [] }
            state.modal = .detail(MemberWindow(detail: nil))
            return [.loadDetail(member.email)]
        },
        ActionSpec(.changeRole, keys: [k("r")], scopes: [.memberList],
                   label: { Marks.label("role", $0) },
                   help: "Change the selected member's role (or every marked member's)", priority: 3,
                   availability: { state in Marks.or(state, Ask.onSelected(state) { .changeRole($0, to: $0.role) }) {
                       .changeRole($0, to: .member) } }) { state, _ in
            if !state.members.marked.isEmpty, let picker = RolePicker(marked: state.members.marked.count, state: state) {
                state.modal = .rolePicker(picker)
                return []
            }
            guard let member = state.selectedMember?.member else { return [] }
            state.modal = .rolePicker(RolePicker(member: member, state: state))
            return []
        },
        ActionSpec(.toggleActive, keys: [k("d")], scopes: [.memberList],
                   label: { state in state.members.marked.isEmpty
                       ? (state.selectedMember?.member.status == .deactivated ? "reactivate" : "deactivate")
                       : Marks.label("deactivate", state) },
                   help: "Deactivate the selected member (asks y/N; reversible), or reactivate them", priority: 4,
                   availability: { state in
                       let deactivated = state.selectedMember?.member.status == .deactivated
                       return Marks.or(state, Ask.onSelected(state) { deactivated ? .reactivate($0) : .deactivate($0) }) {
                           .deactivate($0) }
                   }) { state, _ in
            if !state.members.marked.isEmpty { return Marks.prepare(.deactivate, &state) }
            guard let member = state.selectedMember?.member else { return [] }
            return Confirmation.perform(member.status == .active
                ? .deactivate(member: member.email, expectedVersion: member.version)
                : .reactivate(member: member.email, expectedVersion: member.version), on: member, &state)
        },
        ActionSpec(.remove, keys: [k("x")], scopes: [.memberList], label: "remove",
                   help: "Remove the selected member (type their email to confirm)", priority: 6,
                   availability: { state in Ask.onSelected(state) { .removeMember($0) } }) { state, _ in
            guard let member = state.selectedMember?.member else { return [] }
            return Confirmation.perform(.removeMember(member: member.email, expectedVersion: member.version), on: member, &state)
        },
    ]

    /// Loads the rows about to be drawn that are not cached yet.
    static func ensureRows(_ state: AppState) -> [Effect] {
        let members = state.members
        var wanted = members.list.visibleRange(count: members.count, visibleRows: state.layout.memberRows)
            .compactMap(members.id(at:))
        if let selected = members.selectedID { wanted.append(selected) }
        let missing = wanted.filter { members.rows[$0] == nil }
        return missing.isEmpty ? [] : [.loadRows(Array(Set(missing)).sorted())]
    }

    /// Recomputes the visible positions for the filter, keeping `keep` selected if it is still shown.
    static func applyFilter(_ state: inout AppState, keep: MemberID?, fresh: Bool = false) {
        let query = state.members.filter.value
        let previous = state.members.appliedFilter
        // A longer query that contains the previous one can only narrow its result.
        let narrowing = !fresh && !previous.isEmpty && query.contains(previous)
        state.members.positions = state.members.index.positions(
            matching: query, within: narrowing ? state.members.positions : nil)
        state.members.appliedFilter = query
        if let keep, let row = state.members.positions.firstIndex(where: { state.members.index.ids[$0] == keep }) {
            state.members.list.selection = row
        } else {
            state.members.list = ListState()
        }
        state.relayout()
    }

    /// Empties the filter and shows every member again.
    static func clearFilter(_ state: inout AppState) -> [Effect] {
        state.members.filtering = false
        state.members.filter = TextField(maxLength: 100)
        applyFilter(&state, keep: state.members.selectedID, fresh: true)
        state.status = StatusMessage("filter cleared", .info)
        return ensureRows(state)
    }

    // MARK: - The pane

    /// Marks where the filter matched in a cell: the matched text, or the
    /// ellipsis when the match is in the part the cut hides.
    static func highlight(_ query: String, in full: String, shown: String, x: Int, y: Int, _ grid: inout Grid, glyphs: Glyphs) {
        let needle = query.lowercased()
        let mark = Style(.warning, bold: true)
        if let range = shown.lowercased().range(of: needle) {
            let lowered = shown.lowercased()
            let start = TerminalText.width(of: String(lowered[..<range.lowerBound]))
            grid.restyle(x: x + start, y: y, width: TerminalText.width(of: String(lowered[range])), style: mark)
        } else if full.lowercased().contains(needle), let cut = shown.range(of: glyphs.ellipsis) {
            grid.restyle(x: x + TerminalText.width(of: String(shown[..<cut.lowerBound])), y: y,
                         width: TerminalText.width(of: glyphs.ellipsis), style: mark)
        }
    }

    struct Widths: Equatable { var name, email, role, status, inboxes: Int }

    /// Column widths for the inner width, by priority: the name and the email
    /// tell people apart and get the room; the role and status are short
    /// codes (legend in the help); narrow panes drop columns right to left.
    static func columns(_ width: Int) -> Widths {
        if width < 30 { return Widths(name: width, email: 0, role: 0, status: 0, inboxes: 0) }
        if width < 46 {
            let name = (width - 1) * 2 / 5
            return Widths(name: name, email: width - 1 - name, role: 0, status: 0, inboxes: 0)
        }
        let fixed = 8 + 1 + 3 + 1 + 3 + 2
        let flexible = width - fixed
        let name = min(24, flexible * 2 / 5)
        return Widths(name: name, email: flexible - name, role: 8, status: 3, inboxes: 3)
    }

    /// Role names short enough for the list: `ws-admin` for workspace-admin.
    static func shortRole(_ role: Role) -> String {
        role == .workspaceAdmin ? "ws-admin" : role.rawValue
    }

    /// The legend of the short codes, for the help.
    static let legend = ["ws-admin: workspace-admin", "ST: on = active, off = deactivated", "INB: inboxes assigned"]

    /// Draws the pane; returns the cursor position while typing a filter.
    static func draw(_ state: AppState, _ grid: inout Grid, _ rect: Rect) -> Frame.Cursor? {
        let members = state.members
        let total = state.session?.memberCount ?? members.index.count
        let title = members.filter.value.isEmpty ? "Members (\(members.count))" : "Members (\(members.count) of \(total))"
        let focused = state.focus == .members && state.screen == .members
        let inner = Panel(title: title, focused: focused).draw(&grid, rect, glyphs: state.glyphs)
        guard inner.width > 0, inner.height > 0 else { return nil }
        let widths = columns(inner.width)
        let table = Table(columns: [Column("NAME", widths.name), Column("EMAIL", widths.email), Column("ROLE", widths.role),
                                    Column("ST", widths.status), Column("INB", widths.inboxes)],
                          headings: state.layout.memberHeadings)
        let body = Rect(x: inner.x, y: inner.y, width: inner.width,
                        height: min(inner.height, state.layout.memberRows + (table.headings ? 1 : 0)))
        var shownEmails: [Int: String] = [:]
        let placed = table.draw(&grid, body, glyphs: state.glyphs, count: members.count, list: members.list) { position in
            guard let id = members.id(at: position), let row = members.rows[id] else { return nil }
            let member = row.member
            var style = Style(member.status == .active ? .normal : .muted)
            if position == members.list.selection { style = Style(focused ? .selection : .selectionInactive) }
            let email = TerminalText.shortenEmail(TerminalText.sanitize(member.email.value), toWidth: widths.email,
                                                  ellipsis: state.glyphs.ellipsis)
            shownEmails[position] = email
            return TableRow([member.name, email, shortRole(member.role), member.status == .active ? "on" : "off",
                             String(row.inboxes.count)], style: style)
        }
        let query = members.filter.value
        if !query.isEmpty {
            for (position, y) in placed {
                guard let id = members.id(at: position), let row = members.rows[id], let email = shownEmails[position] else {
                    continue
                }
                highlight(query, in: row.member.name, shown: TerminalText.truncate(TerminalText.sanitize(row.member.name),
                                                                                   toWidth: widths.name, ellipsis: state.glyphs.ellipsis),
                          x: inner.x, y: y, &grid, glyphs: state.glyphs)
                if widths.email > 0 {
                    highlight(query, in: row.member.email.value, shown: email, x: inner.x + widths.name + 1, y: y, &grid,
                              glyphs: state.glyphs)
                }
            }
        }
        if members.count == 0 {
            let note = members.filter.value.isEmpty ? "no members" : "no member matches '\(members.filter.value)'"
            grid.put(TerminalText.truncate(note, toWidth: inner.width, ellipsis: state.glyphs.ellipsis),
                     x: inner.x, y: min(inner.y + 1, inner.maxY - 1), style: Style(.muted))
        }
        guard state.layout.filterLine else { return nil }
        let y = inner.maxY - 1
        grid.fill(Rect(x: inner.x, y: y, width: inner.width, height: 1))
        grid.put("/", x: inner.x, y: y, style: Style(.accent, bold: true))
        let cursor = TextInput(members.filter).draw(&grid, Rect(x: inner.x + 1, y: y, width: inner.width - 1, height: 1))
        return members.filtering ? cursor : nil
    }
}
