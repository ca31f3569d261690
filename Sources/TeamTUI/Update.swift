import TeamCore
import TermUI

/// The state machine: `update` is pure; it returns effects for the runtime.
public enum App {
    /// Effects to run when the app starts.
    public static func start(_ state: AppState) -> [Effect] { [.startup(rows: Layout.listRows(state) + 1)] }

    public static func update(_ state: inout AppState, _ action: AppAction) -> [Effect] {
        switch action {
        case .key(let key):
            return handleKey(key, &state)
        case .resized(let size):
            state.size = size
            clampSelection(&state)
            return ensureRows(state)
        case .sessionLoaded(let session):
            state.session = session
            return []
        case .firstRowsLoaded(let rows):
            // A provisional list of the first screen; the whole index follows after the paint.
            var index = MemberIndex()
            for row in rows {
                index.append(id: row.member.id, name: row.member.name, email: row.member.email.value)
                state.members.rows[row.member.id] = row
            }
            state.members.index = index
            state.members.positions = Array(index.ids.indices)
            clampSelection(&state)
            return [.afterPaint(.loadIndex(state.members.sort))]
        case .indexLoaded(let index, let sort):
            let keep = state.members.selectedID
            state.members.index = index
            state.members.sort = sort
            state.members.rows = [:]
            applyFilter(&state, keep: keep, fresh: true)
            return ensureRows(state)
        case .rowsLoaded(let rows):
            if state.members.rows.count > 4_000 { state.members.rows = [:] }
            for row in rows { state.members.rows[row.member.id] = row }
            return []
        case .inboxesLoaded(let inboxes, let withMembers):
            state.inboxes = inboxes
            state.inboxMembersLoaded = withMembers
            state.inboxCursor = min(state.inboxCursor, max(0, inboxes.count - 1))
            if case .invite(var form) = state.modal {
                form.inboxes = inboxes.map(\.inbox)
                form.chosen.formIntersection(Set(inboxes.map(\.inbox.id)))
                form.inboxCursor = min(form.inboxCursor, max(0, form.inboxes.count - 1))
                state.modal = .invite(form)
            }
            return []
        case .invitationsLoaded(let invitations):
            let keep = state.selectedInvitation?.invitation.id
            state.invitations = invitations
            state.invitationCursor = invitations.firstIndex { $0.invitation.id == keep }
                ?? min(state.invitationCursor, max(0, invitations.count - 1))
            return []
        case .detailLoaded(let detail):
            if case .detail(_, let scroll) = state.modal { state.modal = .detail(detail, scroll: scroll) }
            return []
        case .performed(let command, let outcome):
            state.status = StatusMessage(outcome.changed ? outcome.message : outcome.message + " (nothing changed)",
                                         outcome.changed ? .success : .info)
            if case .help = state.modal {} else { state.modal = nil }
            return reload(after: command, &state)
        case .failed(let error):
            if case .invite(var form) = state.modal {
                form.error = error.description
                state.modal = .invite(form)
            }
            state.status = StatusMessage(error.description, .error)
            // A stale view or someone else's change: show the workspace as it is now.
            if case .stale = error { return [.reloadAll] }
            return []
        case .externalChange:
            return [.reloadAll]
        }
    }

    /// What to read again after our own change: the whole member index only
    /// when the list itself may have changed (names, roles, status, members);
    /// an assignment or an invitation leaves it as it is.
    static func reload(after command: TeamCommand, _ state: inout AppState) -> [Effect] {
        switch command {
        case .assign(let email, _), .unassign(let email, _):
            if let id = state.members.rows.first(where: { $0.value.member.email == email })?.key {
                state.members.rows[id] = nil
            }
            return [.loadSession, .loadInboxes(withMembers: state.screen == .inboxes)] + ensureRows(state)
        case .invite, .resendInvitation, .revokeInvitation, .setInviteExpiry:
            return [.loadSession, .loadInvitations]
        default:
            return [.reloadAll]
        }
    }

    // MARK: - Keys

    static func handleKey(_ key: Key, _ state: inout AppState) -> [Effect] {
        if key == .resize { return [] }
        if key == .ctrl("c") {
            state.shouldQuit = true
            return [.quit]
        }
        if state.modal != nil { return ModalKeys.handle(key, &state) }
        if state.members.filtering { return filterKey(key, &state) }
        if case .mouseClick(let x, let y) = key { return click(x: x, y: y, &state) }
        if case .mouseScroll(let down) = key { return move(&state, by: down ? 3 : -3) }
        if key == .escape {
            if !state.members.filter.value.isEmpty {
                state.members.filter = TextField(maxLength: 100)
                applyFilter(&state, keep: state.members.selectedID, fresh: true)
                state.status = StatusMessage("filter cleared", .info)
                return ensureRows(state)
            }
            if state.focus == .inboxes { state.focus = .members }
            return []
        }
        guard let spec = ActionTable.action(for: key, in: state) else {
            state.status = StatusMessage("\(key.label): no action here; press ? for help", .info)
            return []
        }
        switch spec.availability(state) {
        case .enabled:
            return perform(spec.id, key, &state)
        case .disabled(let reason):
            state.status = StatusMessage("\(spec.label(state)): \(reason)", .error)
            return []
        case .hidden:
            state.status = StatusMessage("\(spec.label(state)): not available to your role", .error)
            return []
        }
    }

    static func perform(_ id: ActionID, _ key: Key, _ state: inout AppState) -> [Effect] {
        let page = max(1, (state.screen == .members && state.focus == .members ? Layout.listRows(state) : Layout.sideRows(state)) - 1)
        switch id {
        case .moveDown: return move(&state, by: 1)
        case .moveUp: return move(&state, by: -1)
        case .pageDown: return move(&state, by: page)
        case .pageUp: return move(&state, by: -page)
        case .top: return move(&state, by: Int.min / 2)
        case .bottom: return move(&state, by: Int.max / 2)
        case .filter:
            state.members.filtering = true
            state.status = StatusMessage("filter: type to narrow, Enter to keep, Esc to clear", .info)
            return []
        case .sort:
            let next = state.members.sort.next
            state.status = StatusMessage("sorted by \(next.rawValue)", .info)
            return [.loadIndex(next)]
        case .detail:
            guard let member = state.selectedMember?.member else { return [] }
            state.modal = .detail(nil, scroll: 0)
            return [.loadDetail(member.email)]
        case .invite:
            guard let actor = state.operatorContext?.facts else { return [] }
            state.modal = .invite(InviteForm(roles: Guard.invitableRoles(for: actor), inboxes: state.inboxes.map(\.inbox)))
            return []
        case .changeRole:
            guard let member = state.selectedMember?.member else { return [] }
            let target = Ask.facts(member)
            let choices = Role.byRank.map { role in
                RolePicker.Choice(role: role, availability: role == member.role
                    ? .disabled(reason: "\(member.name) is already \(role.rawValue)")
                    : Ask.availability(.changeRole(target, to: role), state))
            }.filter { !$0.availability.isHidden }
            // The cursor starts on the current role, so Enter by reflex changes nothing.
            let cursor = choices.firstIndex { $0.role == member.role } ?? 0
            state.modal = .rolePicker(RolePicker(member: member, choices: choices, cursor: cursor))
            return []
        case .toggleActive:
            guard let member = state.selectedMember?.member else { return [] }
            return [.perform(member.status == .active
                ? .deactivate(member: member.email, expectedVersion: member.version)
                : .reactivate(member: member.email, expectedVersion: member.version))]
        case .remove:
            guard let member = state.selectedMember?.member else { return [] }
            state.modal = .confirmRemove(ConfirmRemove(member: member))
            return []
        case .toggleAssignment:
            guard let member = state.selectedMember?.member, let inbox = ActionTable.currentInbox(state) else { return [] }
            return [.perform(ActionTable.currentInboxAssigned(state)
                ? .unassign(member: member.email, inbox: inbox.phone)
                : .assign(member: member.email, inbox: inbox.phone))]
        case .focusNext:
            state.focus = state.focus == .members ? .inboxes : .members
            if [Key.char("l"), .right].contains(key) { state.focus = .inboxes }
            if [Key.char("h"), .left].contains(key) { state.focus = .members }
            return ensureRows(state)
        case .switchView:
            state.screen = state.screen.next
            state.focus = .members
            switch state.screen {
            case .invitations: return [.loadInvitations]
            case .inboxes: return [.loadInboxes(withMembers: true)]
            case .members: return ensureRows(state)
            }
        case .resendInvitation, .revokeInvitation:
            guard let invitation = state.selectedInvitation?.invitation else { return [] }
            return [.perform(id == .resendInvitation ? .resendInvitation(.id(invitation.id)) : .revokeInvitation(.id(invitation.id)))]
        case .help:
            state.modal = .help(scroll: 0)
            return []
        case .quit:
            state.shouldQuit = true
            return [.quit]
        }
    }

    // MARK: - Lists

    /// Moves the selection of the focused list.
    static func move(_ state: inout AppState, by delta: Int) -> [Effect] {
        if state.screen == .invitations {
            state.invitationCursor = ListScroll.move(state.invitationCursor, by: delta, count: state.invitations.count)
            return []
        }
        if state.screen == .inboxes || state.focus == .inboxes {
            state.inboxCursor = ListScroll.move(state.inboxCursor, by: delta, count: state.inboxes.count)
            return []
        }
        state.members.selection = ListScroll.move(state.members.selection, by: delta, count: state.members.count)
        clampSelection(&state)
        return ensureRows(state)
    }

    static func clampSelection(_ state: inout AppState) {
        let rows = Layout.listRows(state)
        state.members.selection = min(state.members.selection, max(0, state.members.count - 1))
        state.members.offset = ListScroll.offset(selection: state.members.selection, previousOffset: state.members.offset,
                                                 visibleRows: rows, count: state.members.count)
    }

    /// Loads the rows about to be drawn that are not cached yet.
    static func ensureRows(_ state: AppState) -> [Effect] {
        var wanted = state.members.visibleIDs(Layout.listRows(state))
        if let selected = state.members.selectedID { wanted.append(selected) }
        let missing = wanted.filter { state.members.rows[$0] == nil }
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
            state.members.selection = row
        } else {
            state.members.selection = 0
            state.members.offset = 0
        }
        clampSelection(&state)
    }

    static func filterKey(_ key: Key, _ state: inout AppState) -> [Effect] {
        switch key {
        case .escape:
            state.members.filtering = false
            state.members.filter = TextField(maxLength: 100)
            applyFilter(&state, keep: state.members.selectedID, fresh: true)
            state.status = StatusMessage("filter cleared", .info)
        case .enter:
            state.members.filtering = false
            state.status = StatusMessage("\(state.members.count) member(s) match '\(state.members.filter.value)'", .info)
        case .down, .up, .pageDown, .pageUp:
            return move(&state, by: key == .down ? 1 : key == .up ? -1 : (key == .pageDown ? 1 : -1) * Layout.listRows(state))
        default:
            var field = state.members.filter
            guard field.apply(key) else { return [] }
            state.members.filter = field
            applyFilter(&state, keep: state.members.selectedID)
        }
        return ensureRows(state)
    }

    static func click(x: Int, y: Int, _ state: inout AppState) -> [Effect] {
        let layout = Layout.compute(state)
        if state.screen == .members, let list = layout.list, x >= list.x, x < list.maxX, y >= list.y + 2, y < list.maxY - 1 {
            state.focus = .members
            let row = state.members.offset + (y - list.y - 2)
            if row < state.members.count { state.members.selection = row }
            clampSelection(&state)
            return ensureRows(state)
        }
        if let side = layout.side, x >= side.x, x < side.maxX, y >= side.y + 2, y < side.maxY - 1 {
            state.focus = .inboxes
            let row = y - side.y - 2
            if row < state.inboxes.count { state.inboxCursor = row }
        }
        return []
    }
}
