import TeamCore
import TermText
import TermUI

/// The role matrix of this workspace and what `roles lint` finds in it.
public struct RolesState: Equatable {
    /// nil until read.
    public var matrix: RoleMatrix?
    public var findings: [LintFinding] = []
    /// The permission row under the cursor.
    public var list = ListState()
    /// The role column under the cursor (index into `Role.byRank`).
    public var column = 0

    public init() {}

    var role: Role { Role.byRank[min(max(0, column), Role.byRank.count - 1)] }
    var permission: Permission { Permission.allCases[min(max(0, list.selection), Permission.allCases.count - 1)] }
}

/// The roles view: permissions × roles, changes from the shipped matrix
/// marked, findings beside it; Space changes a role's default (workspace-admins).
enum RolesScreen {
    static let actions: [ActionSpec] = [
        ActionSpec(.roleCellToggle, keys: [k(" ")], scopes: [.roleMatrix],
                   label: { $0.roles.matrix?.holds($0.roles.role, $0.roles.permission) == true ? "remove" : "add" },
                   help: "Add the permission under the cursor to the role's defaults in this workspace, or remove it",
                   priority: 1, availability: { state in
                       guard let edit = toggle(state) else { return .disabled(reason: "loading\(state.glyphs.ellipsis)") }
                       return Ask.availability(.editRoleDefaults([edit]), state)
                   }) { state, _ in
            guard let edit = toggle(state) else { return [] }
            return [.perform(.setRoleDefaults(role: edit.role, adding: edit.added, removing: edit.before.subtracting(edit.after)))]
        },
        ActionSpec(.roleReset, keys: [k("R")], scopes: [.roleMatrix], label: "reset role",
                   help: "Give the role under the cursor its shipped defaults again (asks y/N)", priority: 2,
                   availability: { state in
                       guard let matrix = state.roles.matrix else { return .disabled(reason: "loading\(state.glyphs.ellipsis)") }
                       let edit = RoleDefaultsEdit(role: state.roles.role, before: matrix.permissions(of: state.roles.role),
                                                   after: RoleMatrix.shipped.permissions(of: state.roles.role))
                       guard edit.before != edit.after else {
                           return Ask.availability(.editRoleDefaults([edit]), state).isHidden
                               ? .hidden : .disabled(reason: "\(state.roles.role.rawValue) has its shipped defaults")
                       }
                       return Ask.availability(.editRoleDefaults([edit]), state)
                   }) { state, _ in
            let role = state.roles.role
            state.modal = .confirm(Confirmation(
                title: "Reset \(role.rawValue) to the shipped defaults?",
                lines: ["Every \(role.rawValue) gets exactly the shipped permissions of the role again."],
                answer: .yesNo, command: .resetRoleDefaults(role: role), cancelled: "reset cancelled; nothing changed"))
            return []
        },
        ActionSpec(.roleColumnRight, keys: [k("l"), k(.right)], scopes: [.roleMatrix], label: "next role",
                   help: "Next role (column)", inFooter: false) { state, _ in
            state.roles.column = min(Role.byRank.count - 1, state.roles.column + 1)
            return []
        },
        ActionSpec(.roleColumnLeft, keys: [k("h"), k(.left)], scopes: [.roleMatrix], label: "previous role",
                   help: "Previous role (column)", inFooter: false) { state, _ in
            state.roles.column = max(0, state.roles.column - 1)
            return []
        },
    ]

    /// The edit Space would make to the cell under the cursor.
    static func toggle(_ state: AppState) -> RoleDefaultsEdit? {
        guard let matrix = state.roles.matrix else { return nil }
        let role = state.roles.role, permission = state.roles.permission
        let before = matrix.permissions(of: role)
        let after = before.contains(permission) ? before.subtracting([permission]) : before.union([permission])
        return RoleDefaultsEdit(role: role, before: before, after: after)
    }

    static let cellWidth = 7

    /// Column headings short enough for the cells.
    static func heading(_ role: Role) -> String { role == .workspaceAdmin ? "ws-adm" : role.rawValue }

    static func drawMatrix(_ state: AppState, _ grid: inout Grid, _ rect: Rect) {
        let roles = state.roles
        let inner = Panel(title: "Roles: default permissions in this workspace", focused: true)
            .draw(&grid, rect, glyphs: state.glyphs)
        guard inner.width > 0, inner.height > 1, let matrix = roles.matrix else { return }
        let nameWidth = max(0, min(20, inner.width - Role.byRank.count * (cellWidth + 1)))
        let columns = [Column("PERMISSION", nameWidth)] + Role.byRank.map { Column(heading($0), cellWidth) }
        let none = state.glyphs.dot
        let placed = Table(columns: columns)
            .draw(&grid, Rect(x: inner.x, y: inner.y, width: inner.width, height: inner.height - 1), glyphs: state.glyphs,
                  count: Permission.allCases.count, list: roles.list) { index in
                let permission = Permission.allCases[index]
                let cells = Role.byRank.map { role -> String in
                    let held = matrix.holds(role, permission)
                    let changed = held != RoleMatrix.shipped.holds(role, permission)
                    return (held ? state.glyphs.check : none) + (changed ? "*" : "")
                }
                return TableRow([permission.rawValue] + cells, style: Style(index == roles.list.selection ? .selectionInactive : .normal))
            }
        if let y = placed[roles.list.selection] {
            grid.restyle(x: inner.x + nameWidth + 1 + roles.column * (cellWidth + 1), y: y, width: cellWidth, style: Style(.selection))
        }
        grid.putCell("* changed in this workspace", x: inner.x, y: inner.maxY - 1, width: inner.width, style: Style(.muted),
                     glyphs: state.glyphs)
    }

    static func drawFindings(_ state: AppState, _ grid: inout Grid, _ rect: Rect) {
        let findings = state.roles.findings
        let inner = Panel(title: "roles lint (\(findings.count))", focused: false).draw(&grid, rect, glyphs: state.glyphs)
        guard inner.width > 0, inner.height > 0 else { return }
        var lines: [(String, Style)] = []
        for finding in findings {
            lines.append((finding.rule.rawValue, Style(.warning, bold: true)))
            lines += TerminalText.wrap(finding.message, toWidth: inner.width - 2).map { ("  " + $0, Style.normal) }
        }
        if findings.isEmpty { lines = [("nothing odd in this matrix", Style(.muted))] }
        for (row, line) in lines.prefix(inner.height).enumerated() {
            grid.putCell(line.0, x: inner.x, y: inner.y + row, width: inner.width, style: line.1, glyphs: state.glyphs)
        }
    }
}
