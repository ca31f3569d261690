import TeamCore
import TermUI
import TermText

/// The state machine: `update` is pure; it returns effects for the runtime.
/// Keys go to the key table; everything else is a result being applied.
public enum App {
    /// Effects to run when the app starts.
    public static func start(_ state: AppState) -> [Effect] {
        [.startup(rows: state.layout.memberRows + 1), .announce(state.screen.title), .readPresence]
    }

    public static func update(_ state: inout AppState, _ action: AppAction) -> [Effect] {
        let shown = state.status
        let effects = apply(action, &state)
        // Every new message is kept, so one cut off by the width can be read in full.
        if let status = state.status, status != shown {
            state.statusSetAt = state.ticks
            state.messages.insert(status, at: 0)
            if state.messages.count > 200 { state.messages.removeLast() }
        }
        state.relayout()
        return effects
    }

    static func apply(_ action: AppAction, _ state: inout AppState) -> [Effect] {
        if state.lostAccess != nil, action.isWorkspaceData { return [] }
        switch action {
        case .key(.resize), .keyAhead(.resize):
            return []
        case .key(let key):
            // An error has been seen once a key is pressed; the key may say something new.
            if state.status?.kind == .error { state.status = nil }
            return Keymap.dispatch(key, &state)
        case .keyAhead(let key):
            return Keymap.dispatch(key, &state)
        case .resized(let size):
            state.size = size
            state.relayout()
            return MemberList.ensureRows(state)
        case .tick:
            state.ticks += 1
            // Waiting to reopen a replaced file: that is the only work until it is done.
            if let why = state.reopening { return [.reopen(why)] }
            if let status = state.status, status.kind != .error, state.ticks - state.statusSetAt >= StatusMessage.infoTicks {
                state.status = nil
            }
            // Presence about once a second: a closed or killed interface leaves within it.
            return state.ticks % 2 == 0 ? [.checkForChanges, .readPresence] : [.checkForChanges]
        case .presenceRead(let entries):
            state.presence = entries
            return []
        case .dataVersionRead(let version):
            defer { state.dataVersion = version }
            // Our own commits never move it: only another process's do.
            guard let seen = state.dataVersion, seen != version else { return [] }
            return OutsideChanges.noticed(state)
        case .changeMarkRead(let mark):
            state.changeMark = mark
            return []
        case .changesRead(let feed):
            return OutsideChanges.read(feed, &state)
        case .indexEntriesLoaded(let ids, let entries, let sort):
            return OutsideChanges.entriesLoaded(ids, entries, sort, &state)
        case .sessionLoaded(let session):
            let effects = AccessWatch.sessionLoaded(session, &state)
            // A view the operator may no longer open (billing after losing modify-billing) is left.
            if !GlobalKeys.visible(state.screen, state) {
                state.status = StatusMessage("\(state.screen.title): no longer available to you", .error)
                state.screen = .members
                state.billing = BillingState()
            }
            return effects
        case .firstRowsLoaded(let rows):
            // A provisional list of the first screen; the whole index follows after the paint.
            var index = MemberIndex()
            for row in rows {
                index.append(id: row.member.id, name: row.member.name, email: row.member.email.value)
                state.members.rows[row.member.id] = row
            }
            state.members.index = index
            state.members.positions = Array(index.ids.indices)
            state.relayout()
            return [.afterPaint(.loadIndex(state.members.sort))]
        case .indexLoaded(let index, let sort):
            let keep = state.members.selectedID
            state.members.index = index
            state.members.sort = sort
            state.members.rows = [:]
            MemberList.applyFilter(&state, keep: keep, fresh: true)
            return MemberList.ensureRows(state)
        case .rowsLoaded(let rows):
            if state.members.rows.count > 4_000 { state.members.rows = [:] }
            for row in rows { state.members.rows[row.member.id] = row }
            return []
        case .inboxesLoaded(let inboxes, let withMembers):
            state.inboxes.all = inboxes
            state.inboxes.membersLoaded = withMembers
            if case .invite(var form) = state.modal {
                let gone = form.inboxesChanged(inboxes.map(\.inbox))
                state.modal = .invite(form)
                if !gone.isEmpty {
                    // Said, not silently dropped: the invitation would otherwise go out without it.
                    let names = gone.map { "\(TerminalText.sanitize($0.name)) (\($0.displayPhone))" }.joined(separator: ", ")
                    state.status = StatusMessage("no longer in this invitation, removed by someone else: \(names)", .error)
                }
            }
            return []
        case .invitationsLoaded(let invitations):
            let keep = state.invitations.selected?.invitation.id
            state.invitations.all = invitations
            if let row = invitations.firstIndex(where: { $0.invitation.id == keep }) {
                state.invitations.list.selection = row
            }
            return []
        case .groupsLoaded(let groups):
            let keep = state.groups.selected?.id
            state.groups.all = groups
            if let row = groups.firstIndex(where: { $0.id == keep }) { state.groups.list.selection = row }
            state.relayout()
            if case .grants(var window) = state.modal, let fresh = groups.first(where: { $0.id == window.group.id }) {
                window.group = fresh
                state.modal = .grants(window)
            }
            guard let selected = state.groups.selected, let name = try? DisplayName(selected.name) else { return [] }
            return [.loadGroup(name)]
        case .groupLoaded(let detail):
            state.groups.detail = detail
            return []
        case .auditLoaded(let events):
            let keep = state.audit.selected?.id
            state.audit.events = events
            state.audit.list.selection = events.firstIndex { $0.id == keep } ?? 0
            return []
        case .billingLoaded(let billing):
            state.billing.summary = billing
            return []
        case .contactsLoaded(let listing):
            state.contacts.load(listing)
            return []
        case .threadsLoaded(let inbox, let threads):
            ThreadsScreen.applyLoaded(inbox, threads, &state)
            return []
        case .threadPageLoaded(let purpose, let page):
            ThreadScreen.applyLoaded(purpose, page, &state)
            return []
        case .threadsFailed(let error):
            state.threads = nil
            state.thread = nil
            state.status = StatusMessage(error.description, .error)
            return []
        case .reviewLoaded(let review):
            ReviewScreen.loaded(review, &state)
            return []
        case .revertPreviewed(let preview):
            AuditScreen.previewed(preview, &state)
            return []
        case .rolesLoaded(let matrix, let findings):
            state.roles.matrix = matrix
            state.roles.findings = findings
            return []
        case .detailLoaded(let detail):
            if case .detail(var window) = state.modal {
                window.detail = detail
                state.modal = .detail(window)
            }
            if case .rolePicker(let picker) = state.modal, picker.marked == nil, picker.member.id == detail.member.id {
                state.modal = .rolePicker(picker.refreshed(detail.member, state))
                if detail.member.role != picker.member.role {
                    state.status = StatusMessage("\(TerminalText.sanitize(detail.member.name)) is now \(detail.member.role.rawValue) (changed by someone else)", .info)
                }
            }
            return []
        case .batchPrepared(let change, let commands, let refusals):
            Marks.prepared(change, commands, refusals, &state)
            return []
        case .batchPerformed(let outcome):
            return Marks.performed(outcome, &state)
        case .performed(let command, let outcome):
            state.status = StatusMessage(outcome.changed ? outcome.message : outcome.message + " (nothing changed)",
                                         outcome.changed ? .success : .info)
            // Help stays; the member window stays open over its own override changes.
            switch (state.modal, command) {
            case (.help, _), (.detail, .grantPermission), (.detail, .revokePermission), (.detail, .resetPermission),
                 (.grants, .grantToGroup), (.grants, .revokeFromGroup): break
            default: state.modal = nil
            }
            return reload(after: command, &state)
        case .failed(.identity(let message)):
            AccessWatch.lose("You can no longer use this workspace: \(message).", &state)
            return []
        case .failed(.gone(let message)):
            // Another file under the same name (a restore, a file moved over it): open that one.
            return [.reopen(message)]
        case .reopened(let message):
            return FileSwap.reopened(message, &state)
        case .reopenWaiting(let why, let detail):
            return FileSwap.waiting(why, detail, &state)
        case .reopenFailed(let message):
            // Deleted, or the new file cannot be used: stop, and never report a write as made.
            AccessWatch.lose("Stopped: \(message).", status: "the workspace file changed under this screen; quit and open it again", &state)
            return []
        case .failed(.refused(let refusal)) where refusal.rule == .deactivated:
            // Refused because the operator is deactivated: every read and write now is.
            AccessWatch.lose(AccessWatch.deactivated, &state)
            return []
        case .failed(let error):
            if case .invite(var form) = state.modal {
                form.error = error.description
                state.modal = .invite(form)
            }
            if case .prompt(var prompt) = state.modal {
                prompt.error = error.description
                state.modal = .prompt(prompt)
            }
            state.status = StatusMessage(error.description, .error)
            // A stale view or someone else's change: show the workspace as it is now.
            if case .stale = error { return [.reloadAll] }
            return []
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
            return [.loadSession, .loadInboxes(withMembers: state.screen == .inboxes)] + MemberList.ensureRows(state)
        case .invite, .resendInvitation, .revokeInvitation, .setInviteExpiry:
            return [.loadSession, .loadInvitations]
        case .createGroup, .renameGroup, .deleteGroup, .addToGroup, .removeFromGroup, .grantToGroup, .revokeFromGroup:
            return [.loadSession, .loadGroups]
        case .setRoleDefaults, .resetRoleDefaults:
            return [.loadSession, .loadRoles]
        case .setBilling:
            return [.loadSession, .loadBilling]
        case .addProperty, .renameProperty, .setPropertyChoices, .removeProperty, .addContact, .editContact, .removeContact:
            return [.loadContacts]
        case .deleteMessage(let id):
            ThreadScreen.deleted(id, &state)
            return [.loadInboxes(withMembers: state.screen == .inboxes)] + (state.threads.map { [.loadThreads($0.inbox.phone)] } ?? [])
        case .deleteThread:
            state.thread = nil
            return [.loadInboxes(withMembers: state.screen == .inboxes)] + (state.threads.map { [.loadThreads($0.inbox.phone)] } ?? [])
        case .grantPermission(let email, _, _), .revokePermission(let email, _, _), .resetPermission(let email, _, _):
            // The member's permissions changed, not the list: read the session (ours may have) and the member again.
            if case .detail = state.modal { return [.loadSession, .loadDetail(email)] }
            return [.loadSession]
        default:
            return [.reloadAll]
        }
    }
}

extension App {
    /// After another operator's change: the open threads again, and the open
    /// thread's newest page when it shows the newest (else it stays as read).
    static func reloadThreads(_ state: AppState) -> [Effect] {
        guard let threads = state.threads else { return [] }
        var effects: [Effect] = [.loadThreads(threads.inbox.phone)]
        if let thread = state.thread, !thread.hasNewer {
            effects.append(ThreadScreen.load(thread.inbox.phone, thread.contact,
                                             .newest(limit: max(ThreadState.pageSize, thread.messages.count)), .refresh))
        }
        return effects
    }
}

extension AppAction {
    /// Rows, inboxes and invitations read from the workspace: never kept for
    /// an operator who lost access to it.
    var isWorkspaceData: Bool {
        switch self {
        case .firstRowsLoaded, .indexLoaded, .rowsLoaded, .indexEntriesLoaded, .inboxesLoaded, .invitationsLoaded, .detailLoaded,
             .groupsLoaded, .groupLoaded, .rolesLoaded, .auditLoaded, .billingLoaded, .contactsLoaded,
             .threadsLoaded, .threadPageLoaded, .reviewLoaded, .revertPreviewed: true
        default: false
        }
    }
}
