import TeamCore
import TermUI

/// The permissions a group grants, each with a mark; Space grants or
/// revokes the one under the cursor (only what you hold yourself can be granted).
public struct GroupGrants: Equatable {
    public var group: GroupSummary
    public var cursor = 0

    public init(group: GroupSummary) { self.group = group }

    var permission: Permission { Permission.allCases[min(max(0, cursor), Permission.allCases.count - 1)] }
}

extension GroupGrants {
    static let actions: [ActionSpec] = [
        ActionSpec(.grantsToggle, keys: [k(" ")], scopes: [.grantsWindow],
                   label: { window($0).map { $0.group.grants.contains($0.permission) ? "revoke" : "grant" } ?? "grant" },
                   help: "Grant the permission under the cursor to the group, or revoke it", priority: 1,
                   availability: { state in
                       guard let window = window(state) else { return .disabled(reason: "no group") }
                       let granting = !window.group.grants.contains(window.permission)
                       return Ask.availability(.modifyTeamSettings(grants: granting ? [window.permission] : []), state)
                   }) { state, _ in
            guard let window = window(state), let name = try? DisplayName(window.group.name) else { return [] }
            let permission = window.permission
            return [.perform(window.group.grants.contains(permission)
                ? .revokeFromGroup(group: name, permission: permission, expectedVersion: window.group.version)
                : .grantToGroup(group: name, permission: permission, expectedVersion: window.group.version))]
        },
        ActionSpec(.grantsDown, keys: [k("j"), k(.down)], scopes: [.grantsWindow], label: "down", help: "Next permission",
                   inFooter: false) { state, _ in move(&state, by: 1) },
        ActionSpec(.grantsUp, keys: [k("k"), k(.up)], scopes: [.grantsWindow], label: "up", help: "Previous permission",
                   inFooter: false) { state, _ in move(&state, by: -1) },
        ActionSpec(.grantsClose, keys: [k(.escape), k("q"), k(.enter)], scopes: [.grantsWindow], label: "close",
                   help: "Close the window") { state, _ in
            state.modal = nil
            return []
        },
    ]

    static func window(_ state: AppState) -> GroupGrants? {
        if case .grants(let window) = state.modal { return window }
        return nil
    }

    static func move(_ state: inout AppState, by delta: Int) -> [Effect] {
        guard var window = window(state) else { return [] }
        window.cursor = ListScroll.move(window.cursor, by: delta, count: Permission.allCases.count)
        state.modal = .grants(window)
        return []
    }

    static func draw(_ state: AppState, _ window: GroupGrants, _ grid: inout Grid) {
        let inner = Dialog(title: "Grants of \(window.group.name)", width: 50, height: Permission.allCases.count + 2,
                           hint: Footer.hint(state))
            .draw(&grid, in: state.layout.windowArea, glyphs: state.glyphs)
        guard inner.width > 4, inner.height > 0 else { return }
        let list = ListState(selection: window.cursor,
                             offset: ListScroll.offset(selection: window.cursor, previousOffset: 0, visibleRows: inner.height,
                                                       count: Permission.allCases.count))
        Table(columns: [Column("", inner.width)], headings: false)
            .draw(&grid, inner, glyphs: state.glyphs, count: Permission.allCases.count, list: list) { index in
                let permission = Permission.allCases[index]
                let mark = window.group.grants.contains(permission) ? state.glyphs.check : state.glyphs.dot
                return TableRow([" \(mark) \(permission.rawValue)"], style: Style(index == window.cursor ? .selection : .normal))
            }
    }
}
