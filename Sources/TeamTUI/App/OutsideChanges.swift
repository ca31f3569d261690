import TeamCore

/// Another operator's commit, applied in proportion to what it touched: the
/// change feed names the rows, and only those are read again (a rename
/// re-sorts one row of the index instead of reading 100k). Everything is
/// read again only when the feed cannot answer.
enum OutsideChanges {
    /// `data_version` moved: ask the feed what changed since the last record applied.
    static func noticed(_ state: AppState) -> [Effect] {
        guard let mark = state.changeMark else { return [.reloadAll] + App.reloadThreads(state) }
        return [.readChanges(mark)]
    }

    static func read(_ feed: ChangeFeed, _ state: inout AppState) -> [Effect] {
        state.changeMark = feed.next
        guard case .changes(let set, _) = feed else { return [.reloadAll] + App.reloadThreads(state) }
        var effects: [Effect] = []
        let members = set.members
        if !members.isEmpty {
            for id in members { state.members.rows[id] = nil }
            effects.append(.loadIndexEntries(members.sorted(), state.members.sort))
        }
        // Any member may be an admin the guard counts, or the operator: the
        // session (permissions, facts, header counts) follows every change.
        // Contacts alone leave it as it is.
        if !members.isEmpty || set.inboxes || set.invitations || set.permissions { effects.append(.loadSession) }
        // Who works in each inbox is kept only while its view shows it; elsewhere
        // it is marked stale, and that view reads it again when it opens.
        if !members.isEmpty && state.screen != .inboxes { state.inboxes.membersLoaded = false }
        // Thread counts show beside the inboxes.
        if set.inboxes || set.messages || (state.screen == .inboxes && !members.isEmpty) {
            effects.append(.loadInboxes(withMembers: state.screen == .inboxes))
        }
        // Only their view shows invitations (it reads them when it opens).
        if set.invitations && state.screen == .invitations { effects.append(.loadInvitations) }
        effects += screenData(set, state)
        // Open threads follow their messages, and the inbox's visibility and the operator's permissions.
        if set.messages || set.inboxes || set.permissions { effects += App.reloadThreads(state) }
        if case .detail(let window) = state.modal, let member = window.detail?.member,
           set.permissions || members.contains(member.id) {
            effects.append(.loadDetail(member.email))
        }
        // An open role window answers for the member as they were: read them again.
        if case .rolePicker(let picker) = state.modal, picker.marked == nil,
           set.permissions || members.contains(picker.member.id) {
            effects.append(.loadDetail(picker.member.email))
        }
        return effects
    }

    /// The members' new places, put into the index; the filter and the
    /// selection (by member) follow.
    static func entriesLoaded(_ ids: Set<MemberID>, _ entries: [MemberIndexEntry], _ sort: MemberSort,
                              _ state: inout AppState) -> [Effect] {
        // The order changed meanwhile: the index for it is being read whole.
        guard sort == state.members.sort else { return [] }
        let keep = state.members.selectedID
        let row = state.members.list.selection
        state.members.index.update(ids, with: entries, sort: sort)
        for id in ids { state.members.rows[id] = nil }
        let gone = ids.subtracting(entries.map(\.id))
        state.members.marked.subtract(gone)
        MemberList.applyFilter(&state, keep: keep, fresh: true)
        // The selected member was removed: stay on the same line, not the top.
        if let keep, gone.contains(keep) {
            state.members.list.selection = min(row, max(0, state.members.count - 1))
            state.relayout()
        }
        return MemberList.ensureRows(state)
    }

    /// What the view on screen shows besides the lists every view keeps.
    private static func screenData(_ set: ChangeSet, _ state: AppState) -> [Effect] {
        switch state.screen {
        case .groups where set.permissions || !set.members.isEmpty: [.loadGroups]
        case .roles where set.permissions: [.loadRoles]
        // The plan and seats live on the workspace row; seats count members.
        case .billing where set.permissions || !set.members.isEmpty || set.invitations: [.loadBilling]
        case .contacts where set.contacts: [.loadContacts]
        // Every member's role and grants, every inbox's people, the changes since the
        // last sign-off (a sign-off itself is only in the log): any commit but contacts and messages.
        case .review where !set.onlyContactsOrMessages: [.loadReview]
        case .audit:
            // Every commit adds to the log, refused changes included.
            (try? AuditScreen.query(state.audit.filter)).map { [.loadAudit($0)] } ?? []
        default: []
        }
    }
}

