import TeamCore
import TermText
import TermUI

/// The member window: role, login, inboxes, groups, overrides, and every
/// permission with where it comes from; Space sets or drops a per-member
/// override on the permission under the cursor, as the guard allows.
public struct MemberWindow: Equatable {
    /// nil until it has been read.
    public var detail: MemberDetail?
    /// The permission under the cursor (index into `Permission.allCases`).
    public var cursor = 0
    /// The first line shown.
    public var scroll = 0

    public init(detail: MemberDetail?, cursor: Int = 0, scroll: Int = 0) {
        self.detail = detail; self.cursor = cursor; self.scroll = scroll
    }

    var permission: Permission { Permission.allCases[min(max(0, cursor), Permission.allCases.count - 1)] }
}

extension MemberWindow {
    static let actions: [ActionSpec] = [
        ActionSpec(.detailClose, keys: [k(.escape), k("q"), k(.enter)], scopes: [.memberWindow], label: "close",
                   help: "Close the window") { state, _ in
            state.modal = nil
            return []
        },
        ActionSpec(.overrideToggle, keys: [k(" ")], scopes: [.memberWindow],
                   label: { window($0).flatMap { override(in: $0) }?.label ?? "override" },
                   help: "Override the permission under the cursor for this member: grant it, revoke it, or drop the override",
                   priority: 1, availability: overrideAvailability) { state, _ in
            guard let window = window(state), let change = override(in: window), let member = window.detail?.member else {
                return []
            }
            return Confirmation.perform(change.command(member), on: member, &state)
        },
        ActionSpec(.detailDown, keys: [k("j"), k(.down)], scopes: [.memberWindow], label: "down", help: "Next permission",
                   inFooter: false) { state, _ in move(&state, by: 1) },
        ActionSpec(.detailUp, keys: [k("k"), k(.up)], scopes: [.memberWindow], label: "up", help: "Previous permission",
                   inFooter: false) { state, _ in move(&state, by: -1) },
    ]

    static func window(_ state: AppState) -> MemberWindow? {
        if case .detail(let window) = state.modal { return window }
        return nil
    }

    /// What Space would do to the permission under the cursor.
    enum OverrideChange: Equatable {
        case grant(Permission), revoke(Permission), reset(Permission, restores: Bool)

        var label: String {
            switch self {
            case .grant: "grant"
            case .revoke: "revoke"
            case .reset: "drop override"
            }
        }

        func command(_ member: Member) -> TeamCommand {
            switch self {
            case .grant(let p): .grantPermission(member: member.email, permission: p, expectedVersion: member.version)
            case .revoke(let p): .revokePermission(member: member.email, permission: p, expectedVersion: member.version)
            case .reset(let p, _): .resetPermission(member: member.email, permission: p, expectedVersion: member.version)
            }
        }

        func guardAction(_ target: TargetFacts) -> GuardAction {
            switch self {
            case .grant(let p): .grantPermission(target, p)
            case .revoke(let p): .revokePermission(target, p)
            case .reset(let p, let restores): .resetPermission(target, p, restores: restores)
            }
        }
    }

    /// An override is dropped if there is one; else the permission is revoked if held, granted if not.
    static func override(in window: MemberWindow) -> OverrideChange? {
        guard let detail = window.detail else { return nil }
        let permission = window.permission
        if let existing = detail.overrides.first(where: { $0.permission == permission }) {
            let explanation = detail.explanations.first { $0.permission == permission }
            let givenOtherwise = explanation?.sources.contains { $0.gives && $0 != .grant } ?? false
            return .reset(permission, restores: existing.effect == .revoke && givenOtherwise)
        }
        return detail.permissions.contains(permission) ? .revoke(permission) : .grant(permission)
    }

    /// Hidden if this operator could never set an override on anyone; else the guard's answer here.
    @Sendable static func overrideAvailability(_ state: AppState) -> Availability {
        // Probed on the lowest rank: a missing permission hides the key for every member.
        let probe = TargetFacts(id: -1, role: .member, status: .active)
        if Ask.availability(.revokePermission(probe, .viewPublicInbox), state).isHidden { return .hidden }
        guard let window = window(state), let member = window.detail?.member, let change = override(in: window) else {
            return .disabled(reason: "loading\(state.glyphs.ellipsis)")
        }
        return Ask.availability(change.guardAction(Ask.facts(member)), state)
    }

    static func move(_ state: inout AppState, by delta: Int) -> [Effect] {
        guard var window = window(state) else { return [] }
        window.cursor = ListScroll.move(window.cursor, by: delta, count: Permission.allCases.count)
        let all = lines(window.detail, state.glyphs, width: valueWidth(state))
        let visible = max(1, min(all.count + 2, state.layout.windowArea.height) - 2)
        let cursorLine = (all.firstIndex { $0.permission == window.permission } ?? 0)
        window.scroll = ListScroll.offset(selection: cursorLine, previousOffset: window.scroll, visibleRows: visible,
                                          count: all.count)
        state.modal = .detail(window)
        return []
    }

    struct Line: Equatable {
        var label: String
        var value: String
        /// Set on a permission's line.
        var permission: Permission?
    }

    /// The facts (long values wrapped, so whole addresses show), then one
    /// line per permission with its sources.
    static func lines(_ detail: MemberDetail?, _ glyphs: Glyphs, width: Int) -> [Line] {
        guard let detail else { return [Line(label: "", value: "loading" + glyphs.ellipsis)] }
        let member = detail.member
        let facts: [(String, String)] = [
            ("Name", member.name), ("Email", member.email.value), ("Role", member.role.rawValue),
            ("Status", member.status.rawValue), ("Login", member.login ?? "(none bound)"),
            ("Inboxes", detail.inboxes.isEmpty ? "(none)" : detail.inboxes.map { "\($0.displayPhone) \($0.name)" }.joined(separator: ", ")),
            ("Groups", detail.groups.isEmpty ? "(none)" : detail.groups.joined(separator: ", ")),
            ("Overrides", detail.overrides.isEmpty ? "(none)"
                : detail.overrides.map { "\($0.effect.rawValue) \($0.permission.rawValue)" }.joined(separator: ", ")),
            ("Permissions", "\(detail.permissions.count) of \(Permission.allCases.count); Space overrides one"),
        ]
        var lines = facts.flatMap { label, value in
            TerminalText.wrap(TerminalText.sanitize(value), toWidth: max(1, width)).enumerated().map { index, part in
                Line(label: index == 0 ? label : "", value: part)
            }
        }
        for permission in Permission.allCases {
            let held = detail.permissions.contains(permission)
            let sources = detail.explanations.first { $0.permission == permission }?.sources ?? []
            let why = sources.isEmpty ? "nothing gives it" : sources.map(short).joined(separator: ", ")
            let text = (held ? glyphs.check : "-") + " " + permission.rawValue
            lines.append(Line(label: "", value: TerminalText.pad(text, toWidth: 24) + " " + why, permission: permission))
        }
        return lines
    }

    static func short(_ source: PermissionSource) -> String {
        switch source {
        case .role(let role): "role \(role.rawValue)"
        case .roleAdded(let role): "role \(role.rawValue) (added here)"
        case .roleRemoved(let role): "not in \(role.rawValue) here"
        case .group(let name): "group \(name)"
        case .grant: "override: granted"
        case .revoke: "override: revoked"
        case .deactivated: "deactivated"
        }
    }

    /// Cells for a value: the window's inside less the label column.
    static func valueWidth(_ state: AppState) -> Int {
        min(76, state.layout.windowArea.width) - 2 - 13
    }

    static func draw(_ state: AppState, _ window: MemberWindow, _ grid: inout Grid) {
        let lines = lines(window.detail, state.glyphs, width: valueWidth(state))
        let title = window.detail.map { "Member \(state.glyphs.dot) \($0.member.name)" } ?? "Member"
        let inner = Dialog(title: title, width: 76, height: lines.count + 2, hint: Footer.hint(state))
            .draw(&grid, in: state.layout.windowArea, glyphs: state.glyphs)
        guard inner.width > 14, inner.height > 0 else { return }
        let start = min(window.scroll, max(0, lines.count - inner.height))
        for (row, line) in lines.dropFirst(start).prefix(inner.height).enumerated() {
            let y = inner.y + row
            let selected = line.permission != nil && line.permission == window.permission
            let style = selected ? Style(.selection) : line.permission.map { window.detail?.permissions.contains($0) == true ? Style.normal : Style(.muted) } ?? .normal
            grid.putCell(line.label, x: inner.x, y: y, width: 12, style: Style(.muted), glyphs: state.glyphs)
            grid.putCell(line.value, x: inner.x + 13, y: y, width: inner.width - 13, style: style, glyphs: state.glyphs)
        }
    }
}
