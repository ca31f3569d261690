import TeamCore
import TermText
import TermUI

/// Every group, and the selected one with its grants and members.
public struct GroupsState: Equatable {
    public var all: [GroupSummary] = []
    public var list = ListState()
    /// The selected group's members, once read.
    public var detail: GroupDetail?

    public init() {}

    public var selected: GroupSummary? { all.indices.contains(list.selection) ? all[list.selection] : nil }
}

/// The groups view: create, rename, delete groups, change their grants and
/// members. Every key asks the guard; the core checks again on writing.
enum GroupsScreen {
    static let actions: [ActionSpec] = [
        ActionSpec(.groupCreate, keys: [k("n")], scopes: [.groupList], label: "new group",
                   help: "Create a group (you name it)", priority: 1,
                   availability: { Ask.availability(.modifyTeamSettings(grants: []), $0) }) { state, _ in
            state.modal = .prompt(Prompt(purpose: .createGroup))
            return []
        },
        ActionSpec(.groupAddMember, keys: [k("a")], scopes: [.groupList], label: "add member",
                   help: "Add a member to the selected group (by email)", priority: 2,
                   availability: { memberAvailability($0) }) { state, _ in
            guard let group = state.groups.selected else { return [] }
            state.modal = .prompt(Prompt(purpose: .addToGroup(group.name)))
            return []
        },
        ActionSpec(.groupRemoveMember, keys: [k("u")], scopes: [.groupList], label: "remove member",
                   help: "Take a member out of the selected group (by email)", priority: 3,
                   availability: { memberAvailability($0) }) { state, _ in
            guard let group = state.groups.selected else { return [] }
            state.modal = .prompt(Prompt(purpose: .removeFromGroup(group.name)))
            return []
        },
        ActionSpec(.groupGrants, keys: [k("p")], scopes: [.groupList], label: "grants",
                   help: "Change the permissions the selected group grants", priority: 2,
                   availability: { selectedAvailability($0) }) { state, _ in
            guard let group = state.groups.selected else { return [] }
            state.modal = .grants(GroupGrants(group: group))
            return []
        },
        ActionSpec(.groupRename, keys: [k("e")], scopes: [.groupList], label: "rename",
                   help: "Rename the selected group", priority: 4,
                   availability: { selectedAvailability($0) }) { state, _ in
            guard let group = state.groups.selected else { return [] }
            state.modal = .prompt(Prompt(purpose: .renameGroup(group.name)))
            return []
        },
        ActionSpec(.groupDelete, keys: [k("x")], scopes: [.groupList], label: "delete",
                   help: "Delete the selected group (type its name to confirm); its members keep their own permissions",
                   priority: 5, availability: { selectedAvailability($0) }) { state, _ in
            guard let group = state.groups.selected, let name = try? DisplayName(group.name) else { return [] }
            state.modal = .confirm(Confirmation(
                title: "Delete group \(group.name)?",
                lines: ["Its \(group.memberCount) member(s) lose what only this group gave them."],
                answer: .typed(group.name), command: .deleteGroup(group: name, expectedVersion: group.version),
                cancelled: "delete cancelled; nothing changed"))
            return []
        },
    ]

    /// Changing groups needs `modify-team`; a selected group for the ones that change it.
    static func selectedAvailability(_ state: AppState) -> Availability {
        let permitted = Ask.availability(.modifyTeamSettings(grants: []), state)
        guard permitted.isEnabled else { return permitted }
        return state.groups.selected == nil ? .disabled(reason: "no group selected; press n to create one") : .enabled
    }

    /// Adding or removing members: the guard on a member of the lowest rank tells "never" from "not now".
    static func memberAvailability(_ state: AppState) -> Availability {
        let probe = TargetFacts(id: -1, role: .member, status: .active)
        let permitted = Ask.availability(.removeFromGroup(probe), state)
        guard permitted.isEnabled else { return permitted }
        return state.groups.selected == nil ? .disabled(reason: "no group selected; press n to create one") : .enabled
    }

    static func drawList(_ state: AppState, _ grid: inout Grid, _ rect: Rect) {
        let groups = state.groups
        let inner = Panel(title: "Groups (\(groups.all.count))", focused: true).draw(&grid, rect, glyphs: state.glyphs)
        guard inner.width > 0, inner.height > 1 else { return }
        let nameWidth = max(0, inner.width - 8 - 7 - 2)
        let table = Table(columns: [Column("NAME", nameWidth), Column("MEMBERS", 8), Column("GRANTS", 7)])
        table.draw(&grid, inner, glyphs: state.glyphs, count: groups.all.count, list: groups.list) { index in
            let group = groups.all[index]
            return TableRow([group.name, String(group.memberCount), String(group.grants.count)],
                            style: Style(index == groups.list.selection ? .selection : .normal))
        }
        if groups.all.isEmpty {
            grid.put("no groups yet: n creates one", x: inner.x, y: inner.y + 1, style: Style(.muted), maxWidth: inner.width)
        }
    }

    static func drawDetail(_ state: AppState, _ grid: inout Grid, _ rect: Rect) {
        let group = state.groups.selected
        let inner = Panel(title: group.map { "Group \($0.name)" } ?? "Group", focused: false).draw(&grid, rect, glyphs: state.glyphs)
        guard inner.width > 0, inner.height > 0, let group else { return }
        var lines: [(String, Style)] = [("Grants", Style(.accent, bold: true))]
        lines += group.grants.isEmpty ? [("  (none)", Style(.muted))]
            : group.grants.sorted().map { ("  " + $0.rawValue, .normal) }
        lines.append(("Members", Style(.accent, bold: true)))
        if let detail = state.groups.detail, detail.summary.id == group.id {
            lines += detail.members.isEmpty ? [("  (none)", Style(.muted))]
                : detail.members.map { ("  " + TerminalText.shortenEmail(TerminalText.sanitize($0.email.value), toWidth: inner.width - 2,
                                                                         ellipsis: state.glyphs.ellipsis), .normal) }
        } else {
            lines.append(("  " + state.glyphs.ellipsis, Style(.muted)))
        }
        for (row, line) in lines.prefix(inner.height).enumerated() {
            grid.putCell(line.0, x: inner.x, y: inner.y + row, width: inner.width, style: line.1, glyphs: state.glyphs)
        }
    }
}
